package events

import (
	"context"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// RSVPInput is the public RSVP form.
type RSVPInput struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	District string `json:"district"` // optional
	Consent  bool   `json:"consent"`  // agrees that the campaign keeps the answer
	// ConsentVersion is the version of the supporters' consent text the
	// page showed (empty: the current one).
	ConsentVersion string `json:"consent_version,omitempty"`
}

// SupporterIntake records the person who answered as a supporter with
// her consent (supporters.Service), in the RSVP's transaction.
type SupporterIntake interface {
	RecordRSVP(tx *store.Tx, in relais.Supporter) error
}

// ConsentText returns the consent text a public event page shows, when
// RSVPs make supporters (ok is false otherwise).
func (s *Service) ConsentText(ctx context.Context) (store.ConsentText, bool, error) {
	if s.cfg.Supporters == nil {
		return store.ConsentText{}, false, nil
	}
	var c store.ConsentText
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.CurrentConsentText()
		return err
	})
	return c, err == nil, err
}

// recordSupporter records the answer as a supporter whose consent's
// source is "event <slug>" and whose version is the text shown: a text
// changed since the page was shown is refused (the person reads it again).
func (s *Service) recordSupporter(tx *store.Tx, e *relais.FieldEvent, r *relais.RSVP, in RSVPInput, lang string) error {
	if s.cfg.Supporters == nil {
		return nil
	}
	cur, err := tx.CurrentConsentText()
	if err != nil {
		return err
	} else if in.ConsentVersion != "" && in.ConsentVersion != cur.Version {
		return fieldErr(lang, "consent", "rsvp.consent_changed")
	}
	at := tx.Now()
	return s.cfg.Supporters.RecordRSVP(tx, relais.Supporter{Email: r.Email, Name: r.Name, District: r.District, Lang: lang,
		Source: "event " + e.Slug, ConsentAt: &at, ConsentSource: "event " + e.Slug, ConsentVersion: cur.Version})
}

// Public returns the public event with slug, for anyone: ENOTFOUND for an
// unknown or private one.
func (s *Service) Public(ctx context.Context, slug, lang string) (*relais.FieldEvent, error) {
	var e *relais.FieldEvent
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.FieldEventBySlug(slug)
		return err
	})
	if relais.ErrorCode(err) == relais.ENOTFOUND || (err == nil && !e.Public) {
		return nil, codeErr(lang, relais.ENOTFOUND, "event.notfound")
	}
	return e, err
}

// RSVP records an answer to the public event slug, from anyone. Bad input
// gets a field error in lang and stores nothing; answering twice with the
// same address keeps the first answer. It returns whether the answer is new.
func (s *Service) RSVP(ctx context.Context, slug, lang string, in RSVPInput) (bool, error) {
	e, err := s.Public(ctx, slug, lang)
	if err != nil {
		return false, err
	}
	r, err := s.checkRSVP(lang, in)
	if err != nil {
		return false, err
	} else if !e.EndsAt.After(s.cfg.Store.Now()) {
		return false, codeErr(lang, relais.ECONFLICT, "rsvp.over")
	}
	r.EventID = e.ID
	var added bool
	err = s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.RSVPCount(e.ID)
		if err != nil {
			return err
		} else if n >= MaxRSVPsPerEvent {
			return codeErr(lang, relais.ETOOLARGE, "rsvp.full")
		}
		if added, err = tx.AddRSVP(r); err != nil || !added {
			return err
		}
		return s.recordSupporter(tx, e, r, in, lang)
	})
	return added, err
}

// checkRSVP validates an answer and returns it cleaned.
func (s *Service) checkRSVP(lang string, in RSVPInput) (*relais.RSVP, error) {
	r := &relais.RSVP{Name: strings.TrimSpace(in.Name), Email: strings.ToLower(strings.TrimSpace(in.Email))}
	if r.Name == "" || !utf8.ValidString(r.Name) || utf8.RuneCountInString(r.Name) > MaxNameRunes {
		return nil, fieldErr(lang, "name", "rsvp.name", MaxNameRunes)
	} else if !validEmail(r.Email) {
		return nil, fieldErr(lang, "email", "rsvp.email")
	} else if strings.TrimSpace(in.District) != "" {
		name, ok := s.district(in.District)
		if !ok {
			return nil, fieldErr(lang, "district", "district.unknown", in.District)
		}
		r.District = name
	}
	if !in.Consent {
		return nil, fieldErr(lang, "consent", "rsvp.consent")
	}
	return r, nil
}

// validEmail accepts a bare address with a dotted domain.
func validEmail(v string) bool {
	if v == "" || len(v) > MaxEmailBytes || !utf8.ValidString(v) {
		return false
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(v, '@')
	domain := v[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// Counts returns the number of RSVPs to event id, total and per district.
// Anyone may read counts of a public event; they hold no personal data.
func (s *Service) Counts(ctx context.Context, id int64) (int, map[string]int, error) {
	var total int
	var by map[string]int
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		if total, err = tx.RSVPCount(id); err != nil {
			return err
		}
		by, err = tx.RSVPCountsByDistrict(id)
		return err
	})
	return total, by, err
}

// RSVPs returns who answered event id: personal data, for admins and web
// leads only.
func (s *Service) RSVPs(ctx context.Context, id int64) ([]*relais.RSVP, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.EventsRSVPs, policy.Object{}) {
		return nil, codeErr(langOf(m), relais.EFORBIDDEN, "forbidden.rsvps")
	}
	var out []*relais.RSVP
	err = s.cfg.Store.View(ctx, func(tx *store.Tx) error {
		if _, err := tx.FieldEventByID(id); err != nil {
			return err
		}
		out, err = tx.RSVPs(id, MaxRSVPsPerEvent)
		return err
	})
	return out, err
}
