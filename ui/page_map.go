package ui

import (
	"net/http"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/share"
)

// mapTile is one district on the tile map.
type mapTile struct {
	ID, Short, Name string
	Row, Col        int
	Colistiers      int
	Suggestions     int
	Percent         int // share rate
	Recent          int // shares in the last 7 days
	Posts           int
	Events          int  // field events in the next 30 days
	Bucket          int  // 0 (no data) … 4 (most shared), for the colour
	Mine            bool // the member's own district
}

// districtMap is the map's data, shared by the home and the map page.
type districtMap struct {
	Tiles  []mapTile
	Recent int                             // all shares in the last 7 days
	Events map[string][]*relais.FieldEvent // coming field events per district name
	// Balance is this week's candidate / colistiers meter (nil when not
	// configured or unreadable: the map still shows).
	Balance *balance.Meter
}

// buildMap sums the districts for the tile map.
func (s *Server) buildMap(r *http.Request) (*districtMap, map[string]*share.District, error) {
	ds, err := s.cfg.Share.Districts(r.Context())
	if err != nil {
		return nil, nil, err
	}
	out := &districtMap{Balance: s.balanceMeter(r)}
	evs := s.eventsByDistrict(r)
	out.Events = evs
	for _, sec := range s.cfg.Districts {
		t := mapTile{ID: sec.ID, Short: sec.Label(), Name: sec.Name, Row: sec.Tile.Row, Col: sec.Tile.Col,
			Mine: memberOf(r) != nil && memberOf(r).District == sec.Name, Events: len(evs[sec.Name])}
		if d := ds[sec.Name]; d != nil {
			t.Colistiers, t.Suggestions, t.Percent, t.Recent, t.Posts = len(d.Colistiers), d.Suggestions, d.Percent(), d.Recent, len(d.Posts)
		}
		if t.Suggestions > 0 {
			t.Bucket = 1 + min(t.Percent/25, 3)
		}
		out.Recent += t.Recent
		out.Tiles = append(out.Tiles, t)
	}
	return out, ds, nil
}

// mapPage is the district map.
type mapPage struct {
	Page
	Map *districtMap
}

// handleMapPage handles GET /map.
func (s *Server) handleMapPage(w http.ResponseWriter, r *http.Request) {
	p := mapPage{Page: s.newPage(w, r, "map.title", "map")}
	var err error
	if p.Map, _, err = s.buildMap(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "map", p)
}

// districtPage shows one district's colistiers, accounts and posts.
type districtPage struct {
	Page
	Sector   relais.District
	District *share.District
	Events   []*relais.FieldEvent // coming field events in the district
}

// handleDistrictPage handles GET /districts/{id}.
func (s *Server) handleDistrictPage(w http.ResponseWriter, r *http.Request) {
	p := districtPage{Page: s.newPage(w, r, "map.title", "map")}
	id := r.PathValue("id")
	var found bool
	if p.Sector, found = s.cfg.Districts.ByID(id); !found {
		s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "District %q not found.", id))
		return
	}
	_, ds, err := s.buildMap(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.District = ds[p.Sector.Name]
	if p.District == nil {
		p.District = &share.District{Name: p.Sector.Name}
	}
	p.Title = p.Sector.Name
	p.Events = s.eventsByDistrict(r)[p.Sector.Name]
	s.render(w, http.StatusOK, "district", p)
}

// balanceMeter reads this week's balance meter, or nil.
func (s *Server) balanceMeter(r *http.Request) *balance.Meter {
	if s.cfg.Balance == nil {
		return nil
	}
	m, err := s.cfg.Balance.Week(r.Context(), time.Now())
	if err != nil {
		s.log.Warn("balance meter unavailable", "error", err)
		return nil
	}
	sortSectors(s.cfg.Districts, m)
	return m
}

// balanceMessages are the balance meter's strings, merged into messages.
var balanceMessages = map[string][2]string{
	"balance.title":     {"Équilibre de la semaine", "This week's balance"},
	"balance.help":      {"Part des publications du compte de campagne consacrées à la candidate et aux colistier·es de chaque secteur (mentions et repartages), cette semaine.", "Share of the campaign account's posts about the candidate and about each sector's running mates (mentions and reposts), this week."},
	"balance.candidate": {"Candidate", "Candidate"},
	"balance.sep":       {"\u00a0: ", ": "},
	"balance.none":      {"Aucune publication du compte de campagne cette semaine.", "No post from the campaign account this week."},
}

func init() {
	for k, v := range balanceMessages {
		messages[k] = v
	}
}
