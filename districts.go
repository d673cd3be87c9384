package relais

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
)

// MaxTileGrid is the largest row or column of a district's map tile.
const MaxTileGrid = 10

// District is one of the campaign's districts (a Paris sector, a canton,
// a ward): where colistiers campaign and supporters live. The campaign's
// districts come from its districts file (RELAIS_DISTRICTS, format in
// docs/DISTRICTS.md); the 17 Paris sectors are the default.
type District struct {
	ID        string     `json:"id"`              // in URLs: /districts/{id}
	Name      string     `json:"name"`            // as members' and accounts' district
	Short     string     `json:"short,omitempty"` // the map tile's label (default ID)
	Order     int        `json:"order"`           // display order
	Seats     int        `json:"seats"`           // seats to win, for reports
	Postcodes []string   `json:"postcodes"`       // postcodes (or prefixes) of its supporters
	Tile      Tile       `json:"tile"`            // position on the tile map
	Centroid  [2]float64 `json:"centroid"`        // [longitude, latitude], optional
}

// Tile is a district's place on the schematic map: row 1 at the top,
// column 1 on the left, both at most MaxTileGrid.
type Tile struct {
	Row int `json:"row"`
	Col int `json:"col"`
}

// Label is the district's map label: Short, else ID.
func (d District) Label() string {
	if d.Short != "" {
		return d.Short
	}
	return d.ID
}

// Districts is the campaign's districts, in display order.
type Districts []District

//go:embed districts/paris.json
var parisDistricts []byte

// DefaultDistricts returns the 17 Paris sectors (the embedded default).
func DefaultDistricts() Districts {
	d, err := ParseDistricts(parisDistricts)
	if err != nil {
		panic("relais: embedded districts: " + err.Error()) // checked by tests
	}
	return d
}

// LoadDistricts reads the districts file at path; an empty path gives
// DefaultDistricts.
func LoadDistricts(path string) (Districts, error) {
	if path == "" {
		return DefaultDistricts(), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return ParseDistricts(b)
}

// ParseDistricts reads a districts file: {"districts": [District...]}.
// Every problem is reported at once; the result is in display order.
func ParseDistricts(b []byte) (Districts, error) {
	var f struct {
		Districts Districts `json:"districts"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("not a districts file: %v", err)
	} else if len(f.Districts) == 0 {
		return nil, fmt.Errorf("no districts")
	}
	if problems := f.Districts.check(); len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	slices.SortStableFunc(f.Districts, func(a, b District) int { return a.Order - b.Order })
	return f.Districts, nil
}

// check lists what is wrong: missing or repeated IDs, names and tiles,
// tiles off the grid, negative seats.
func (ds Districts) check() []string {
	var problems []string
	seen := map[string]bool{}
	for i, d := range ds {
		tile := fmt.Sprintf("tile %d,%d", d.Tile.Row, d.Tile.Col)
		switch {
		case d.ID == "" || d.Name == "":
			problems = append(problems, fmt.Sprintf("district %d: id and name are required", i+1))
		case !urlSegment(d.ID):
			problems = append(problems, fmt.Sprintf("district %q: id must be one URL path segment (letters, digits, - and _)", d.ID))
		case seen["id "+strings.ToLower(d.ID)] || seen["name "+d.Name] || seen[tile]:
			problems = append(problems, fmt.Sprintf("district %q: id, name and tile must be unique", d.ID))
		case d.Tile.Row < 1 || d.Tile.Col < 1 || d.Tile.Row > MaxTileGrid || d.Tile.Col > MaxTileGrid:
			problems = append(problems, fmt.Sprintf("district %q: tile row and col must be from 1 to %d", d.ID, MaxTileGrid))
		case d.Seats < 0:
			problems = append(problems, fmt.Sprintf("district %q: seats must not be negative", d.ID))
		}
		seen["id "+strings.ToLower(d.ID)], seen["name "+d.Name], seen[tile] = true, true, true
	}
	return problems
}

// urlSegment reports whether id may stand alone in /districts/{id}:
// letters, digits, '-' and '_' only (ByID ignores case, so IDs are unique
// ignoring case).
func urlSegment(id string) bool {
	return strings.IndexFunc(id, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_'
	}) < 0
}

// ByID returns the district with this ID (case-insensitive).
func (ds Districts) ByID(id string) (District, bool) {
	for _, d := range ds {
		if strings.EqualFold(d.ID, id) {
			return d, true
		}
	}
	return District{}, false
}

// ByName returns the district with this name.
func (ds Districts) ByName(name string) (District, bool) {
	for _, d := range ds {
		if d.Name == name {
			return d, true
		}
	}
	return District{}, false
}

// Seats maps each district's name to its seats.
func (ds Districts) Seats() map[string]int {
	out := make(map[string]int, len(ds))
	for _, d := range ds {
		out[d.Name] = d.Seats
	}
	return out
}
