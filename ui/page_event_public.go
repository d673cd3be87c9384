package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
	"github.com/relais/relais/store"
)

// publicEventPage is a public event's page: no login, French or English.
type publicEventPage struct {
	Page
	Event     *relais.FieldEvent
	Districts []events.District
	RSVPs     int
	Form      events.RSVPInput
	Field     string
	FieldMsg  string
	Done      bool
	Consent   store.ConsentText // the versioned consent text, when RSVPs make supporters
}

// maxRSVPBody bounds an anonymous RSVP form.
const maxRSVPBody = 8 << 10

// handlePublicEvent handles GET /e/{slug}.
func (s *Server) handlePublicEvent(w http.ResponseWriter, r *http.Request) {
	p := s.newPublicEventPage(w, r)
	e, err := s.cfg.Events.Public(r.Context(), r.PathValue("slug"), p.Lang)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Event, p.Done = e, r.URL.Query().Get("ok") == "rsvp"
	s.renderPublicEvent(w, r, http.StatusOK, p)
}

func (s *Server) newPublicEventPage(w http.ResponseWriter, r *http.Request) publicEventPage {
	lang := langOf(w, r, "")
	p := publicEventPage{Page: Page{Lang: lang}, Districts: s.cfg.Events.Districts()}
	p.Title = p.T("events.public")
	return p
}

func (s *Server) renderPublicEvent(w http.ResponseWriter, r *http.Request, status int, p publicEventPage) {
	var err error
	if p.RSVPs, _, err = s.cfg.Events.Counts(r.Context(), p.Event.ID); err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Consent, _, err = s.cfg.Events.ConsentText(r.Context()); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Title = p.Event.Title
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, status, "event_public", p)
}

// handlePublicRSVP handles POST /e/{slug}/rsvp: a form, or JSON.
func (s *Server) handlePublicRSVP(lim *rsvpLimiter) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := s.newPublicEventPage(w, r)
		isJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
		fail := func(err error) {
			if isJSON || p.Event == nil {
				s.apiError(w, r, err)
				return
			}
			p.setError(err)
			s.renderPublicEvent(w, r, statusOf[relais.ErrorCode(err)], p)
		}
		e, err := s.cfg.Events.Public(r.Context(), r.PathValue("slug"), p.Lang)
		if err != nil {
			fail(err)
			return
		}
		p.Event = e
		if !lim.take(clientIP(r, s.cfg.TrustedProxies)) {
			fail(&relais.Error{Code: relais.ERATELIMIT, Message: p.T("events.ratelimit")})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxRSVPBody)
		if p.Form, err = readRSVP(r, isJSON); err != nil {
			fail(err)
			return
		}
		added, err := s.cfg.Events.RSVP(r.Context(), e.Slug, p.Lang, p.Form)
		if err != nil {
			fail(err)
			return
		}
		if isJSON {
			writeJSON(w, http.StatusCreated, map[string]bool{"ok": true, "new": added})
			return
		}
		http.Redirect(w, r, "/e/"+e.Slug+"?ok=rsvp&lang="+p.Lang, http.StatusSeeOther)
	}
}

// readRSVP decodes the answer from JSON or a form.
func readRSVP(r *http.Request, isJSON bool) (events.RSVPInput, error) {
	var in events.RSVPInput
	if isJSON {
		return in, decodeJSON(r, &in)
	}
	if err := r.ParseForm(); err != nil {
		return in, relais.Errorf(relais.EINVALID, "Malformed form.")
	}
	in = events.RSVPInput{Name: r.PostForm.Get("name"), Email: r.PostForm.Get("email"),
		District: r.PostForm.Get("district"), Consent: r.PostForm.Get("consent") == "on", ConsentVersion: r.PostForm.Get("consent_version")}
	return in, nil
}

// handlePublicEventICS handles GET /e/{slug}/event.ics.
func (s *Server) handlePublicEventICS(w http.ResponseWriter, r *http.Request) {
	e, err := s.cfg.Events.Public(r.Context(), r.PathValue("slug"), langOf(w, r, ""))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+e.Slug+`.ics"`)
	_, _ = w.Write([]byte(events.ICS(e, s.publicBase(r)+"/e/"+e.Slug, time.Now())))
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// setError shows err next to its field, or at the top of the page.
func (p *publicEventPage) setError(err error) {
	if p.Field = relais.ErrorField(err); p.Field != "" {
		p.FieldMsg = relais.ErrorMessage(err)
	} else {
		p.Error = relais.ErrorMessage(err)
	}
}
