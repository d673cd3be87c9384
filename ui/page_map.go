package ui

import (
	"net/http"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/demo"
	"github.com/relais/relais/share"
)

// sectorGrid lays the 17 Paris sectors out as tiles, [row, column] on a
// 5×5 grid, following their centroids (north up, west left).
var sectorGrid = map[string][2]int{
	"17e": {1, 2}, "18e": {1, 3}, "19e": {1, 4},
	"8e": {2, 2}, "9e": {2, 3}, "10e": {2, 4},
	"16e": {3, 1}, "7e": {3, 2}, "paris-centre": {3, 3}, "11e": {3, 4}, "20e": {3, 5},
	"15e": {4, 1}, "6e": {4, 2}, "5e": {4, 3}, "12e": {4, 4},
	"14e": {5, 2}, "13e": {5, 3},
}

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
}

// buildMap sums the districts for the tile map.
func (s *Server) buildMap(r *http.Request) (*districtMap, map[string]*share.District, error) {
	ds, err := s.cfg.Share.Districts(r.Context())
	if err != nil {
		return nil, nil, err
	}
	out := &districtMap{}
	evs := s.eventsByDistrict(r)
	out.Events = evs
	for _, sec := range demo.Sectors() {
		pos, ok := sectorGrid[sec.ID]
		if !ok {
			continue
		}
		t := mapTile{ID: sec.ID, Short: shortSector(sec), Name: sec.Name, Row: pos[0], Col: pos[1],
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

// shortSector is the tile label: "11e", "Centre".
func shortSector(sec demo.Sector) string {
	if sec.ID == "paris-centre" {
		return "Centre"
	}
	return sec.ID
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
	Sector   demo.Sector
	District *share.District
	Events   []*relais.FieldEvent // coming field events in the district
}

// handleDistrictPage handles GET /districts/{id}.
func (s *Server) handleDistrictPage(w http.ResponseWriter, r *http.Request) {
	p := districtPage{Page: s.newPage(w, r, "map.title", "map")}
	id := r.PathValue("id")
	found := false
	for _, sec := range demo.Sectors() {
		if strings.EqualFold(sec.ID, id) {
			p.Sector, found = sec, true
		}
	}
	if !found {
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
