package events

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// Limits on what an event may hold, then on what an anonymous visitor
// can make the server hold (RSVPs).
const (
	MaxTitleRunes = 140
	MaxPlaceRunes = 200
	MaxDays       = 14

	MaxRSVPsPerEvent = 5000
	MaxNameRunes     = 100
	MaxEmailBytes    = 254
)

// Input is the body of POST /api/events. Times are RFC 3339 (or a Paris
// local time "2006-01-02T15:04" from a form).
type Input struct {
	Title    string            `json:"title"`
	Kind     string            `json:"kind"`
	StartsAt string            `json:"starts_at"`
	EndsAt   string            `json:"ends_at"`
	Place    string            `json:"place"`
	District string            `json:"district"`
	Public   bool              `json:"public"`
	Targets  []approval.Target `json:"targets,omitempty"` // accounts for the drafts; default: campaign and district accounts
}

// validate checks in and returns the event it describes, with errors in
// lang naming the field at fault.
func (s *Service) validate(in Input, now time.Time, lang string) (*relais.FieldEvent, error) {
	e := &relais.FieldEvent{Title: strings.TrimSpace(in.Title), Kind: relais.FieldEventKind(in.Kind),
		Place: strings.TrimSpace(in.Place), Public: in.Public}
	if err := checkText(lang, "title", e.Title, MaxTitleRunes); err != nil {
		return nil, err
	} else if !e.Kind.Valid() {
		return nil, fieldErr(lang, "kind", "kind.unknown", in.Kind)
	}
	var err error
	if e.StartsAt, err = parseTime(lang, "starts_at", in.StartsAt, s.cfg.Location); err != nil {
		return nil, err
	} else if e.EndsAt, err = parseTime(lang, "ends_at", in.EndsAt, s.cfg.Location); err != nil {
		return nil, err
	} else if err := checkSpan(lang, e.StartsAt, e.EndsAt, now); err != nil {
		return nil, err
	} else if err := checkText(lang, "place", e.Place, MaxPlaceRunes); err != nil {
		return nil, err
	}
	return e, s.checkDistrict(lang, e, in.District)
}

func (s *Service) checkDistrict(lang string, e *relais.FieldEvent, v string) error {
	if strings.TrimSpace(v) == "" {
		return fieldErr(lang, "district", "district.required")
	}
	name, ok := s.district(v)
	if !ok {
		return fieldErr(lang, "district", "district.unknown", v)
	}
	e.District = name
	return nil
}

// checkText requires a valid, non-empty text of at most max runes.
func checkText(lang, field, v string, max int) error {
	switch {
	case v == "":
		return fieldErr(lang, field, field+".required")
	case !utf8.ValidString(v):
		return fieldErr(lang, field, "text.invalid")
	case utf8.RuneCountInString(v) > max:
		return fieldErr(lang, field, field+".long", max)
	}
	return nil
}

// checkSpan checks that an event starts in the future (within two years)
// and lasts between a minute and MaxDays days.
func checkSpan(lang string, start, end, now time.Time) error {
	switch {
	case start.Before(now.Add(-time.Minute)):
		return fieldErr(lang, "starts_at", "starts.past")
	case start.After(now.AddDate(2, 0, 0)):
		return fieldErr(lang, "starts_at", "starts.far")
	case !end.After(start):
		return fieldErr(lang, "ends_at", "ends.before")
	case end.Sub(start) > MaxDays*24*time.Hour:
		return fieldErr(lang, "ends_at", "ends.long", MaxDays)
	}
	return nil
}

// parseTime reads an RFC 3339 time, or a local time in loc (the
// campaign's) from a form.
func parseTime(lang, field, v string, loc *time.Location) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, fieldErr(lang, field, "time.required")
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fieldErr(lang, field, "time.format", v)
}
