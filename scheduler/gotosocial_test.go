package scheduler

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/mastodon"
	"github.com/relais/relais/internal/testpeer/gotosocial"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestKilledMidPublishOnGoToSocialPostsNothingTwice is the state a SIGKILL
// during publication leaves (the delivery committed as publishing, the
// process gone), on a server that ignores Idempotency-Key (the GoToSocial
// double; GoToSocial cannot run here). The status of the first delivery
// reached the server before the kill, the second's did not. On restart the
// reconciliation finds the first among the account's statuses and records
// it published; the second ends outcome_unknown for a person to check:
// no POST is sent again, so no duplicate.
func TestKilledMidPublishOnGoToSocialPostsNothingTwice(t *testing.T) {
	for _, dialect := range storetest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			b := setup(t, dialect, Config{})
			gts, gts2 := gotosocial.New(t), gotosocial.New(t) // one server per account
			servers := map[string]string{"anne": gts.URL, "bruno": gts2.URL}
			b.sched.cfg.Connectors = connectors.NewRegistry(mastodon.New(nil, "", ""))
			text := "Réunion publique ce soir à 19h"
			var ds []*relais.Delivery
			storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
				var targets []int64
				for _, h := range []string{"anne", "bruno"} {
					a := &relais.Account{Platform: relais.PlatformMastodon, Handle: h, OwnerKind: relais.OwnerCampaign, BaseURL: servers[h]}
					if err := tx.CreateAccount(a, map[string]string{mastodon.CredAccessToken: gotosocial.Token}); err != nil {
						return err
					}
					targets = append(targets, a.ID)
				}
				now := time.Now().UTC()
				p := &relais.Post{AuthorID: b.author.ID, Text: text, Targets: targets, ScheduledAt: &now, State: relais.PostPublishing}
				p.ContentHash = p.Hash()
				if err := tx.CreatePost(p); err != nil {
					return err
				}
				var err error
				if ds, err = tx.CreateDeliveries(p.ID, targets, func(id int64) string { return newKey(p.ID) }); err != nil {
					return err
				}
				first := now.Add(-time.Second)
				for _, d := range ds {
					d.State, d.Attempts, d.FirstAttemptAt = relais.DeliveryPublishing, 1, &first
					if err := tx.UpdateDelivery(d); err != nil {
						return err
					}
				}
				return nil
			}))
			gts.AddStatus(gotosocial.Status{ID: "01GONE", URL: gts.URL + "/@anne/statuses/1", Content: "<p>" + text + "</p>", CreatedAt: time.Now().UTC()})

			w := &DeliverWorker{s: b.sched}
			require.NoError(t, w.Work(b.ctx, job(DeliverArgs{DeliveryID: ds[0].ID}, 2)))
			got := deliveryState(t, b, ds[0])
			require.Equal(t, relais.DeliveryPublished, got.State)
			require.Equal(t, "01GONE", got.RemoteID)

			gts2.AddStatus(gotosocial.Status{ID: "01OLD", Content: "<p>" + text + "</p>", CreatedAt: time.Now().Add(-time.Hour)})
			_ = w.Work(b.ctx, job(DeliverArgs{DeliveryID: ds[1].ID}, 2))
			require.Equal(t, relais.DeliveryOutcomeUnknown, deliveryState(t, b, ds[1]).State,
				"not found since the attempt, and the server ignores the key: a person decides")
			for _, g := range []*gotosocial.Fake{gts, gts2} {
				posts, _ := g.Count()
				require.Zero(t, posts, "no status was posted again")
			}
		})
	}
}
