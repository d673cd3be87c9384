package supporters

import (
	"context"
	"fmt"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Suppression reasons.
const (
	SuppressForgotten    = "forgotten"
	SuppressUnsubscribed = "unsubscribed"
)

// Export is every datum held on one person.
//
// Clicks are counted per tracked link and day, with no IP address, cookie
// or per-person code: a supporter's kits carry the same links as every
// other supporter's of their district. Links lists those links, the ones
// in the kits handed over to the person; which of them the person clicked
// is not recorded anywhere, so ClicksRecorded is always false and Clicks
// always empty.
type Export struct {
	Contact        *relais.Supporter    `json:"contact"`
	Consents       []store.Consent      `json:"consents"`
	Kits           []store.SupporterKit `json:"kits"`
	Links          []store.KitLink      `json:"links"`
	ClicksRecorded bool                 `json:"clicks_recorded"`
	Clicks         []any                `json:"clicks"`
}

// Export returns everything held on the person with this address (admins
// and the operator).
func (s *Service) Export(ctx context.Context, address string) (*Export, error) {
	if err := mayExercise(ctx); err != nil {
		return nil, err
	}
	email, err := NormalizeEmail(address)
	if err != nil {
		return nil, relais.FieldErrorf("email", "%q is not an e-mail address (%v).", address, err)
	}
	out := &Export{Clicks: []any{}}
	err = s.store.View(ctx, func(tx *store.Tx) error { return out.read(tx, email) })
	if err != nil {
		return nil, err
	}
	out.Consents = orEmpty(out.Consents)
	out.Kits = orEmpty(out.Kits)
	out.Links = orEmpty(out.Links)
	return out, nil
}

// read fills e with what tx holds on the address.
func (e *Export) read(tx *store.Tx, email string) (err error) {
	if e.Contact, err = tx.SupporterByEmail(email); err != nil {
		return err
	}
	if e.Consents, err = tx.Consents(e.Contact.ID); err != nil {
		return err
	}
	if e.Kits, err = tx.SupporterKits(e.Contact.ID); err != nil {
		return err
	}
	e.Links, err = tx.SupporterKitLinks(e.Contact.ID, e.Contact.District)
	return err
}

// orEmpty returns s, or an empty slice (printed [] rather than null).
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Erasure says what Forget removed.
type Erasure struct {
	Erased   bool  `json:"erased"` // false: no contact had this address
	Consents int64 `json:"consents"`
	Kits     int64 `json:"kits"`
}

// Forget erases the person with this address from every table in one
// transaction and puts the address's salted hash on the suppression list,
// so that a later import is rejected ("opposed"). The audit log records
// the erasure without personal data. An unknown address is suppressed all
// the same.
func (s *Service) Forget(ctx context.Context, address string) (*Erasure, error) {
	if err := mayExercise(ctx); err != nil {
		return nil, err
	}
	email, err := NormalizeEmail(address)
	if err != nil {
		return nil, relais.FieldErrorf("email", "%q is not an e-mail address (%v).", address, err)
	}
	out := &Erasure{}
	err = s.store.Update(ctx, func(tx *store.Tx) error { return s.erase(ctx, tx, email, out) })
	return out, err
}

// erase deletes the person with this address in tx, suppresses the
// address and audits the erasure (counts only), filling out.
func (s *Service) erase(ctx context.Context, tx *store.Tx, email string, out *Erasure) error {
	hash, err := s.hasher(tx)
	if err != nil {
		return err
	}
	if p, err := tx.SupporterByEmail(email); err == nil {
		out.Erased = true
		if out.Consents, out.Kits, err = tx.DeleteSupporter(p.ID); err != nil {
			return err
		}
	} else if relais.ErrorCode(err) != relais.ENOTFOUND {
		return err
	}
	if err := tx.Suppress(hash(email), SuppressForgotten); err != nil {
		return err
	}
	id, who := actor(ctx)
	return tx.AppendAudit(&relais.AuditEntry{ActorID: id, Actor: who, Action: "supporter.forget",
		Detail: fmt.Sprintf("erased: %v; %d consent records, %d share kits; address kept as a salted hash", out.Erased, out.Consents, out.Kits)})
}

// Unsubscribe honours a one-click unsubscribe (no login: the token is the
// credential): the contact is no longer mobilised nor e-mailed, its
// consent is withdrawn in the history, its kits not yet sent are dropped
// and its address is suppressed for later imports. Doing it twice is
// harmless.
func (s *Service) Unsubscribe(ctx context.Context, token string) (*relais.Supporter, error) {
	var p *relais.Supporter
	err := s.store.Update(ctx, func(tx *store.Tx) (err error) {
		if p, err = tx.SupporterByToken(token); err != nil {
			return err
		}
		if p.Status == relais.SupporterUnsubscribed {
			return nil
		}
		hash, err := s.hasher(tx)
		if err != nil {
			return err
		}
		if err := tx.SetSupporterStatus(p.ID, relais.SupporterUnsubscribed); err != nil {
			return err
		}
		if err := tx.AddConsents([]store.Consent{{SupporterID: p.ID, Action: store.ConsentWithdrawn, At: tx.Now(), Source: "unsubscribe link"}}); err != nil {
			return err
		}
		if err := tx.DropQueuedKits(p.ID); err != nil {
			return err
		}
		if err := tx.Suppress(hash(p.Email), SuppressUnsubscribed); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "supporter", Action: "supporter.unsubscribe", Detail: "one-click unsubscribe"})
	})
	return p, err
}

// Peek returns the supporter an unsubscribe token names (for the
// confirmation page's language), without changing anything.
func (s *Service) Peek(ctx context.Context, token string) (*relais.Supporter, error) {
	var p *relais.Supporter
	err := s.store.View(ctx, func(tx *store.Tx) (err error) {
		p, err = tx.SupporterByToken(token)
		return err
	})
	return p, err
}

// Retain deletes the contacts inactive for the retention period, counted
// from the last election round at the earliest: nothing goes before the
// period has passed since the last round. It returns how many went.
func (s *Service) Retain(ctx context.Context) (int, error) {
	var cutoff time.Time
	var ids []int64
	err := s.store.View(ctx, func(tx *store.Tx) error {
		b, err := tx.Blackout()
		if err != nil {
			return err
		}
		cutoff = tx.Now().Add(-s.cfg.Retention)
		if last := lastRoundEnd(b); last.After(cutoff) {
			return nil
		}
		ids, err = tx.InactiveSupporters(cutoff, 100000)
		return err
	})
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	for start := 0; start < len(ids); start += BatchRows {
		if err := s.deleteBatch(ctx, ids[start:min(start+BatchRows, len(ids))]); err != nil {
			return start, err
		}
	}
	return len(ids), nil
}

func (s *Service) deleteBatch(ctx context.Context, ids []int64) error {
	return s.store.Update(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			if _, _, err := tx.DeleteSupporter(id); err != nil {
				return err
			}
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "supporters.retention",
			Detail: fmt.Sprintf("%d inactive contacts deleted", len(ids))})
	})
}

// lastRoundEnd is when the last election round's blackout ends (zero
// without rounds).
func lastRoundEnd(b relais.Blackout) time.Time {
	var last time.Time
	for _, r := range b.Rounds {
		if _, end, err := r.Window(b.Location()); err == nil && end.After(last) {
			last = end
		}
	}
	return last
}

// SetKitMode records a supporter's choice between a kit per post
// (relais.KitEach) and a daily digest (relais.KitDigest), from the link
// in her e-mails (no login: the token is the credential).
func (s *Service) SetKitMode(ctx context.Context, token, mode string) (*relais.Supporter, error) {
	if mode != relais.KitEach && mode != relais.KitDigest {
		return nil, relais.FieldErrorf("mode", "mode must be %q or %q.", relais.KitEach, relais.KitDigest)
	}
	var p *relais.Supporter
	err := s.store.Update(ctx, func(tx *store.Tx) (err error) {
		if p, err = tx.SupporterByToken(token); err != nil {
			return err
		}
		p.KitMode = mode
		return tx.SetSupporterKitMode(p.ID, mode)
	})
	return p, err
}
