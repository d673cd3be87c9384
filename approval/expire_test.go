package approval_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store/storetest"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// TestExpiry checks that approval requests lapse at the scheduled time:
// Approve refuses, ExpireDue marks the rest expired, and nothing is queued.
func TestExpiry(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		now := time.Now().UTC()
		at := now.Add(time.Hour).Truncate(time.Second)
		later := now.Add(5 * time.Hour).Truncate(time.Second)
		in := b.post("Réunion à 19h", b.campaign)
		in.ScheduledAt = &at
		p1, p2 := b.MustSubmit(b.cm, in), b.MustSubmit(b.cm, in)
		in.ScheduledAt = &later
		p3 := b.MustSubmit(b.cm, in)

		b.store.SetNow(func() time.Time { return now.Add(2 * time.Hour) })
		_, err := b.svc.Approve(as(b.editor), p1.ID, approval.ApproveInput{ContentHash: p1.ContentHash})
		requireCode(t, relais.ECONFLICT, err)
		require.Contains(t, relais.ErrorMessage(err), "expired")

		n, err := b.svc.ExpireDue(context.Background())
		require.NoError(t, err)
		require.Equal(t, 1, n, "p1 already expired; p2 expires; p3 is not due")
		for id, want := range map[int64]relais.PostState{p1.ID: relais.PostExpired, p2.ID: relais.PostExpired, p3.ID: relais.PostInReview} {
			v, err := b.svc.Get(as(b.editor), id)
			require.NoError(t, err)
			require.Equal(t, want, v.State)
		}
		e := b.lastAudit()
		require.Equal(t, "post.expire", e.Action)
		require.Equal(t, "system", e.Actor)
		_, err = b.svc.Approve(as(b.editor), p2.ID, approval.ApproveInput{ContentHash: p2.ContentHash})
		requireCode(t, relais.ECONFLICT, err)
		require.Zero(t, b.rec.fanOutCount(), "an expired post never goes out")
	})
}
