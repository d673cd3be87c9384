package supporters

import (
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// RecordRSVP records the person who answered a public event's RSVP form
// (and ticked its consent box) as a supporter, in the RSVP's transaction
// (events.SupporterIntake): in is the new contact with her consent's time,
// source ("event <slug>") and the version of the consent text shown.
//
// An address on the suppression list (its owner had her data erased) is
// not recorded again. A known contact keeps her data; one without
// consent gets this one, and every known contact who is not opposed gets
// the consent in her history. An opposed (unsubscribed) contact is left
// as she is: an RSVP does not subscribe her again.
func (s *Service) RecordRSVP(tx *store.Tx, in relais.Supporter) error {
	hash, err := s.hasher(tx)
	if err != nil {
		return err
	}
	if sup, err := tx.Suppressed([]string{hash(in.Email)}); err != nil || sup[hash(in.Email)] {
		return err
	}
	known, err := tx.SupporterByEmail(in.Email)
	switch {
	case relais.ErrorCode(err) == relais.ENOTFOUND:
		in.Status, in.KitMode = relais.SupporterActive, relais.KitEach
		known = &in
	case err != nil:
		return err
	case known.Status == relais.SupporterUnsubscribed || known.Status == relais.SupporterInvalid:
		return nil
	case known.ConsentAt == nil:
		known.ConsentAt, known.ConsentSource, known.ConsentVersion = in.ConsentAt, in.ConsentSource, in.ConsentVersion
		if known.District == "" {
			known.District = in.District
		}
	}
	ids, err := tx.UpsertSupporters([]*relais.Supporter{known})
	if err != nil {
		return err
	}
	return tx.AddConsents([]store.Consent{{SupporterID: ids[in.Email], Action: store.ConsentGiven,
		At: in.ConsentAt.UTC().Truncate(time.Microsecond), Source: in.ConsentSource, Version: in.ConsentVersion}})
}
