// Package events runs the campaign's field events (meetings, market tours,
// door-to-door, pop-up speeches, hackathons): it validates and stores them,
// generates three drafts bound to each (the announcement the day before,
// a "live" template for the field team's phones, the thank-you the day
// after) that go through normal approval, takes RSVPs on a public event's
// page, writes its iCalendar entry, and sums events and RSVPs for reports.
package events

import (
	"context"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// District is a sector events may happen in.
type District struct {
	ID   string // short id, e.g. "11e"
	Name string // full name, e.g. "11e arrondissement"
}

// Config holds the service's dependencies.
type Config struct {
	Store     *store.Store
	Approval  *approval.Service
	Districts []District // the known sectors; empty accepts any name
	BaseURL   string     // public URL, for links in the announcement
	// Supporters, when set, records each RSVP as a supporter with consent.
	Supporters SupporterIntake
	// Location is the campaign's time zone, which forms' local times and
	// the drafts' wording are in. Default: the store's (Store.Location),
	// else relais.DefaultLocation.
	Location *time.Location
}

// Service manages field events and their RSVPs.
type Service struct {
	cfg Config
}

// New returns an events service.
func New(cfg Config) *Service {
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Location == nil && cfg.Store != nil {
		cfg.Location = cfg.Store.Location()
	} else if cfg.Location == nil {
		cfg.Location = relais.DefaultLocation()
	}
	return &Service{cfg: cfg}
}

// Districts returns the known sectors.
func (s *Service) Districts() []District { return s.cfg.Districts }

// district returns the canonical name of a district given by id or name.
func (s *Service) district(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if len(s.cfg.Districts) == 0 {
		return v, v != "" && len(v) <= 100
	}
	for _, d := range s.cfg.Districts {
		if strings.EqualFold(v, d.ID) || strings.EqualFold(v, d.Name) {
			return d.Name, true
		}
	}
	return "", false
}

// DistrictID returns the short id of district name (name itself if unknown).
func (s *Service) DistrictID(name string) string {
	for _, d := range s.cfg.Districts {
		if d.Name == name {
			return d.ID
		}
	}
	return name
}

// langOf returns the language of the signed-in member ("fr" by default).
func langOf(m *relais.Member) string {
	if m != nil && m.Lang == "en" {
		return "en"
	}
	return "fr"
}

// member returns the signed-in member or EUNAUTHORIZED.
func member(ctx context.Context) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, codeErr("fr", relais.EUNAUTHORIZED, "signin")
	}
	return m, nil
}

// Get returns event id for a signed-in member.
func (s *Service) Get(ctx context.Context, id int64) (*relais.FieldEvent, error) {
	if _, err := member(ctx); err != nil {
		return nil, err
	}
	var e *relais.FieldEvent
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.FieldEventByID(id)
		return err
	})
	return e, err
}

// List returns the events starting in [from, to) for a signed-in member.
func (s *Service) List(ctx context.Context, from, to time.Time) ([]*relais.FieldEvent, error) {
	if _, err := member(ctx); err != nil {
		return nil, err
	}
	return s.between(ctx, from, to)
}

func (s *Service) between(ctx context.Context, from, to time.Time) ([]*relais.FieldEvent, error) {
	var out []*relais.FieldEvent
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.FieldEvents(store.FieldEventFilter{From: &from, To: &to, Limit: 1000})
		return err
	})
	return out, err
}
