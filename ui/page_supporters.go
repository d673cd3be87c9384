package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
	"github.com/relais/relais/supporters"
)

// supportersPage is the supporters' counts, list and import.
type supportersPage struct {
	Page
	Counts  []store.SupporterDistrictCount
	Total   store.SupporterDistrictCount
	List    *supporters.Page
	Query   string
	Filter  string // "", mobilised, no_consent, unsubscribed, invalid
	Preview *importPreview
	Report  *supporters.Report
	Source  string
}

// CanList reports whether the member sees the list (and imports).
func (p supportersPage) CanList() bool { return p.Can(policy.SupportersList) }

// handleSupportersPage handles GET /supporters: counts per district for
// everyone (a colistier only hers), the list with search and filters for
// editors and admins (a sector's web lead only her sector).
func (s *Server) handleSupportersPage(w http.ResponseWriter, r *http.Request) {
	p, err := s.supportersPage(w, r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "supporters", p)
}

func (s *Server) supportersPage(w http.ResponseWriter, r *http.Request) (*supportersPage, error) {
	p := &supportersPage{Page: s.newPage(w, r, "supporters.title", "supporters"), Query: r.URL.Query().Get("q"),
		Filter: r.URL.Query().Get("filter")}
	var err error
	if p.Counts, err = s.cfg.Supporters.Counts(r.Context()); err != nil {
		return nil, err
	}
	for _, c := range p.Counts {
		p.Total.Contacts, p.Total.Consented, p.Total.Mobilised = p.Total.Contacts+c.Contacts, p.Total.Consented+c.Consented, p.Total.Mobilised+c.Mobilised
	}
	if !p.CanList() {
		return p, nil
	}
	f := store.SupporterFilter{Search: p.Query, Limit: 100}
	f.Offset, _ = strconv.Atoi(r.URL.Query().Get("offset"))
	if d := r.URL.Query().Get("district"); d != "" {
		f.Districts = []string{d}
	}
	applyFilter(&f, p.Filter)
	p.List, err = s.cfg.Supporters.List(r.Context(), f)
	return p, err
}

// applyFilter maps the list's filter menu to the store filter.
func applyFilter(f *store.SupporterFilter, filter string) {
	yes, no := true, false
	switch filter {
	case "mobilised":
		f.Mobilised, f.Consent, f.Status = &yes, &yes, relais.SupporterActive
	case "no_consent":
		f.Consent = &no
	case relais.SupporterUnsubscribed, relais.SupporterInvalid:
		f.Status = filter
	}
}
