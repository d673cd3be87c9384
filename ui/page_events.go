package ui

import (
	"net/http"
	"sort"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
	"github.com/relais/relais/policy"
)

// eventsPage lists the coming field events and offers the creation form.
type eventsPage struct {
	Page
	Events    []*relais.FieldEvent
	Kinds     []relais.FieldEventKind
	Districts []events.District
	Form      events.Input
	Field     string // the field an error names
	FieldMsg  string // its message, shown next to the field
	CanCreate bool
}

// handleEventsPage handles GET /events.
func (s *Server) handleEventsPage(w http.ResponseWriter, r *http.Request) {
	p := s.newEventsPage(w, r)
	p.Form.Public = true
	s.renderEvents(w, r, http.StatusOK, p)
}

func (s *Server) newEventsPage(w http.ResponseWriter, r *http.Request) eventsPage {
	p := eventsPage{Page: s.newPage(w, r, "events.title", "events"), Kinds: relais.FieldEventKinds,
		Districts: s.cfg.Events.Districts()}
	p.CanCreate = p.Can(policy.EventsCreate)
	return p
}

func (s *Server) renderEvents(w http.ResponseWriter, r *http.Request, status int, p eventsPage) {
	from := time.Now().UTC().Add(-24 * time.Hour)
	es, err := s.cfg.Events.List(r.Context(), from, from.AddDate(0, 0, 180))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Events = es
	s.render(w, status, "events", p)
}

// handleEventsSubmit handles POST /events (the creation form).
func (s *Server) handleEventsSubmit(w http.ResponseWriter, r *http.Request) {
	p := s.newEventsPage(w, r)
	p.Form = events.Input{Title: r.PostFormValue("title"), Kind: r.PostFormValue("kind"),
		StartsAt: r.PostFormValue("starts_at"), EndsAt: r.PostFormValue("ends_at"), Place: r.PostFormValue("place"),
		District: r.PostFormValue("district"), Public: r.PostFormValue("public") == "on"}
	e, err := s.cfg.Events.Create(r.Context(), p.Form)
	if err != nil && relais.ErrorCode(err) != relais.EINVALID && relais.ErrorCode(err) != relais.EFORBIDDEN {
		s.pageError(w, r, err)
		return
	} else if err != nil {
		p.setError(err)
		s.renderEvents(w, r, statusOf[relais.ErrorCode(err)], p)
		return
	}
	http.Redirect(w, r, "/events/"+itoa(e.ID)+"?ok=event", http.StatusSeeOther)
}

// eventPage shows one event, its drafts and its RSVPs per district.
type eventPage struct {
	Page
	Event      *relais.FieldEvent
	Drafts     []eventDraft
	RSVPs      int
	ByDistrict []districtCount
	RSVPList   []*relais.RSVP // admins and web leads only
}

// eventDraft is one generated draft with its post.
type eventDraft struct {
	Role string
	Post *relais.Post
}

// districtCount is one district's RSVPs.
type districtCount struct {
	District string
	N        int
}

// handleEventPage handles GET /events/{id}.
func (s *Server) handleEventPage(w http.ResponseWriter, r *http.Request) {
	p := eventPage{Page: s.newPage(w, r, "events.title", "events")}
	id, err := eventID(r)
	if err == nil {
		p.Event, err = s.cfg.Events.Get(r.Context(), id)
	}
	if err == nil {
		err = s.fillEventPage(r, &p)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Title = p.Event.Title
	s.render(w, http.StatusOK, "event", p)
}

func (s *Server) fillEventPage(r *http.Request, p *eventPage) error {
	var by map[string]int
	var err error
	if p.RSVPs, by, err = s.cfg.Events.Counts(r.Context(), p.Event.ID); err != nil {
		return err
	}
	p.ByDistrict = sortedCounts(by)
	for _, d := range p.Event.Drafts {
		v, err := s.cfg.Approval.Get(r.Context(), d.PostID)
		if err != nil && relais.ErrorCode(err) != relais.ENOTFOUND {
			return err
		} else if err == nil {
			p.Drafts = append(p.Drafts, eventDraft{Role: d.Role, Post: v.Post})
		}
	}
	if p.Can(policy.EventsRSVPs) {
		p.RSVPList, err = s.cfg.Events.RSVPs(r.Context(), p.Event.ID)
	}
	return err
}

// sortedCounts orders district counts, largest first.
func sortedCounts(by map[string]int) []districtCount {
	out := make([]districtCount, 0, len(by))
	for d, n := range by {
		out = append(out, districtCount{District: d, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].District < out[j].District
	})
	return out
}

// setError shows err next to its field, or at the top of the page.
func (p *eventsPage) setError(err error) {
	if p.Field = relais.ErrorField(err); p.Field != "" {
		p.FieldMsg = relais.ErrorMessage(err)
	} else {
		p.Error = relais.ErrorMessage(err)
	}
}

// eventsByDay returns the field events starting in [from, to) by campaign
// date, for the calendar (none when events are not configured or fail to
// load: the calendar still shows the posts).
func (s *Server) eventsByDay(r *http.Request, from, to time.Time) map[string][]*relais.FieldEvent {
	out := map[string][]*relais.FieldEvent{}
	if s.cfg.Events == nil {
		return out
	}
	es, err := s.cfg.Events.List(r.Context(), from, to)
	if err != nil {
		s.log.Warn("calendar: cannot load events", "error", err)
		return out
	}
	for _, e := range es {
		k := e.StartsAt.In(s.cfg.Location).Format("2006-01-02")
		out[k] = append(out[k], e)
	}
	return out
}

// eventsByDistrict returns the coming field events (next 30 days) per
// district name, for the map.
func (s *Server) eventsByDistrict(r *http.Request) map[string][]*relais.FieldEvent {
	out := map[string][]*relais.FieldEvent{}
	if s.cfg.Events == nil {
		return out
	}
	now := time.Now().UTC()
	es, err := s.cfg.Events.List(r.Context(), now.Add(-6*time.Hour), now.AddDate(0, 0, 30))
	if err != nil {
		s.log.Warn("map: cannot load events", "error", err)
		return out
	}
	for _, e := range es {
		out[e.District] = append(out[e.District], e)
	}
	return out
}
