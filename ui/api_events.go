package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
)

// eventJSON is an event as the API returns it.
type eventJSON struct {
	*relais.FieldEvent
	URL        string         `json:"url,omitempty"` // the public page
	RSVPs      int            `json:"rsvps"`
	ByDistrict map[string]int `json:"rsvps_by_district"`
}

func eventID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, relais.Errorf(relais.ENOTFOUND, "Event %q not found.", r.PathValue("id"))
	}
	return id, nil
}

// handleEventCreate handles POST /api/events.
func (s *Server) handleEventCreate(w http.ResponseWriter, r *http.Request) {
	var in events.Input
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	e, err := s.cfg.Events.Create(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeEvent(w, r, http.StatusCreated, e)
}

// handleEventGet handles GET /api/events/{id}.
func (s *Server) handleEventGet(w http.ResponseWriter, r *http.Request) {
	id, err := eventID(r)
	var e *relais.FieldEvent
	if err == nil {
		e, err = s.cfg.Events.Get(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeEvent(w, r, http.StatusOK, e)
}

func (s *Server) writeEvent(w http.ResponseWriter, r *http.Request, status int, e *relais.FieldEvent) {
	out := eventJSON{FieldEvent: e}
	var err error
	if out.RSVPs, out.ByDistrict, err = s.cfg.Events.Counts(r.Context(), e.ID); err != nil {
		s.apiError(w, r, err)
		return
	}
	if e.Public {
		out.URL = "/e/" + e.Slug
	}
	writeJSON(w, status, out)
}

// handleEventList handles GET /api/events?from=YYYY-MM-DD&to=YYYY-MM-DD
// (default: from today, 90 days).
func (s *Server) handleEventList(w http.ResponseWriter, r *http.Request) {
	from, to, err := eventRange(r, s.cfg.Location)
	var es []*relais.FieldEvent
	if err == nil {
		es, err = s.cfg.Events.List(r.Context(), from, to)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if es == nil {
		es = []*relais.FieldEvent{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": es})
}

// eventRange reads ?from= and ?to= (dates in loc, the campaign's zone).
func eventRange(r *http.Request, loc *time.Location) (time.Time, time.Time, error) {
	now := time.Now().In(loc)
	from := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	to := from.AddDate(0, 0, 90)
	for name, dst := range map[string]*time.Time{"from": &from, "to": &to} {
		if v := r.URL.Query().Get(name); v != "" {
			t, err := time.ParseInLocation("2006-01-02", v, loc)
			if err != nil {
				return from, to, relais.FieldErrorf(name, "%s must be a date such as 2026-12-05.", name)
			}
			*dst = t
		}
	}
	return from, to, nil
}

// handleEventRSVPs handles GET /api/events/{id}/rsvps (admins, web leads).
func (s *Server) handleEventRSVPs(w http.ResponseWriter, r *http.Request) {
	id, err := eventID(r)
	var rs []*relais.RSVP
	if err == nil {
		rs, err = s.cfg.Events.RSVPs(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if rs == nil {
		rs = []*relais.RSVP{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"rsvps": rs})
}
