package events_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/events"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/supporters"
)

// TestRSVPRecordsSupporterWithConsent: with supporters configured, each
// RSVP is a supporter whose consent's source is "event <slug>" and whose
// version is the consent text shown; supporters are counted per district;
// an invalid e-mail, a missing consent or a consent text changed since the
// page was shown store nothing at all.
func TestRSVPRecordsSupporterWithConsent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		b.svc = events.New(events.Config{Store: b.store, Approval: b.approval, Districts: districts,
			Supporters: supporters.New(b.store, supporters.Config{})})
		e, err := b.svc.Create(b.as(relais.RoleEditor), market())
		require.NoError(t, err)
		ctx := context.Background()
		text, ok, err := b.svc.ConsentText(ctx)
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, "2026-01", text.Version)

		for _, in := range []events.RSVPInput{
			{Name: "Inès", Email: "ines@example.org", District: "11e", Consent: true, ConsentVersion: text.Version},
			{Name: "Paul", Email: "paul@example.org", District: "11e", Consent: true, ConsentVersion: text.Version},
			{Name: "Zoé", Email: "zoe@example.org", District: "12e", Consent: true},
		} {
			added, err := b.svc.RSVP(ctx, e.Slug, "fr", in)
			require.NoError(t, err)
			require.True(t, added)
		}
		for _, c := range []struct {
			field string
			in    events.RSVPInput
		}{
			{"email", events.RSVPInput{Name: "Max", Email: "max@", District: "11e", Consent: true}},
			{"consent", events.RSVPInput{Name: "Max", Email: "max@example.org", District: "11e"}},
			{"consent", events.RSVPInput{Name: "Max", Email: "max@example.org", District: "11e", Consent: true, ConsentVersion: "2025-07"}},
		} {
			_, err := b.svc.RSVP(ctx, e.Slug, "en", c.in)
			require.Equal(t, c.field, relais.ErrorField(err), "%v", err)
		}

		require.NoError(t, b.store.View(ctx, func(tx *store.Tx) error {
			s, err := tx.SupporterByEmail("ines@example.org")
			require.NoError(t, err)
			require.Equal(t, "11e arrondissement", s.District)
			require.NotNil(t, s.ConsentAt)
			require.Equal(t, "event "+e.Slug, s.ConsentSource)
			require.Equal(t, "2026-01", s.ConsentVersion)
			cs, err := tx.Consents(s.ID)
			require.NoError(t, err)
			require.Len(t, cs, 1)
			require.Equal(t, store.ConsentGiven, cs[0].Action)
			require.Equal(t, "event "+e.Slug, cs[0].Source)
			require.Equal(t, "2026-01", cs[0].Version)

			_, err = tx.SupporterByEmail("max@example.org")
			require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err), "refused answers store no supporter")
			counts, err := tx.SupporterCounts([]string{"11e arrondissement", "12e arrondissement"})
			require.NoError(t, err)
			by := map[string][2]int{}
			for _, c := range counts {
				by[c.District] = [2]int{c.Contacts, c.Consented}
			}
			require.Equal(t, map[string][2]int{"11e arrondissement": {2, 2}, "12e arrondissement": {1, 1}}, by)
			return nil
		}))
		total, _, err := b.svc.Counts(ctx, e.ID)
		require.NoError(t, err)
		require.Equal(t, 3, total, "nor an RSVP")
	})
}
