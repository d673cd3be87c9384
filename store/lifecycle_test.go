package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// postState reads a post's state.
func postState(t *testing.T, s *store.Store, id int64) relais.PostState {
	t.Helper()
	var p *relais.Post
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) (err error) {
		p, err = tx.PostByID(id)
		return err
	}))
	return p.State
}

// move takes p through ev and audits it, in one transaction.
func move(s *store.Store, p *relais.Post, ev relais.PostEvent) error {
	return s.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.MovePost(p, ev); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "test", Action: "post." + string(ev), PostID: p.ID})
	})
}

// TestMovePostOverTheStateRead: of two writers that read a draft, the
// second to move it gets error.stale_state naming the state it expected,
// the one it found and its event, and the first one's move stands.
func TestMovePostOverTheStateRead(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		p := newPost(t, s)
		first, second := *p, *p
		require.NoError(t, move(s, &first, relais.PostSubmit))
		err := move(s, &second, relais.PostCancel)
		require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))
		key, params := relais.ErrorKey(err)
		require.Equal(t, "error.stale_state", key)
		require.Equal(t, map[string]string{"kind": "post", "from": "draft", "found": "in_review", "event": "cancel"}, params)
		require.Equal(t, relais.PostInReview, postState(t, s, p.ID))
		second.Text = "changed behind the reviewer's back"
		err = s.Update(context.Background(), func(tx *store.Tx) error { return tx.UpdatePost(&second) })
		_, params = relais.ErrorKey(err)
		require.Equal(t, "in_review", params["found"], "a save over a moved post is refused too")
	})
}

// TestMoveRefusals: an event without a row is refused before anything is
// written, and a move left unaudited rolls its transaction back.
func TestMoveRefusals(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		p := newPost(t, s)
		err := move(s, p, relais.PostApprove)
		key, params := relais.ErrorKey(err)
		require.Equal(t, "error.transition", key)
		require.Equal(t, "draft", params["from"])
		require.Equal(t, relais.PostDraft, p.State)
		err = s.Update(context.Background(), func(tx *store.Tx) error { return tx.MovePost(p, relais.PostSubmit) })
		require.ErrorContains(t, err, "without an audit entry")
		require.Equal(t, relais.PostDraft, postState(t, s, p.ID), "rolled back")
	})
}

// TestMoveIsAuditedAndHashed: the audit entry after a move records it,
// the hash chain covers it, and SettlePost audits the final state.
func TestMoveIsAuditedAndHashed(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		p := newPost(t, s)
		for _, ev := range []relais.PostEvent{relais.PostSubmit, relais.PostApprove, relais.PostFanOut} {
			require.NoError(t, move(s, p, ev))
		}
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			a := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
			require.NoError(t, tx.CreateAccount(a, nil))
			ds, err := tx.CreateDeliveries(p.ID, []int64{a.ID}, func(int64) string { return "k" })
			require.NoError(t, err)
			require.Equal(t, relais.DeliveryPending, ds[0].State)
			require.NoError(t, tx.MoveDelivery(ds[0], relais.DeliveryStartPublishing))
			require.NoError(t, tx.MoveDelivery(ds[0], relais.DeliverySettlePublished))
			return err
		}))
		state, err := s.SettlePost(ctx, p.ID)
		require.NoError(t, err)
		require.Equal(t, relais.PostPublished, state)
		var es []relais.AuditEntry
		require.NoError(t, s.View(ctx, func(tx *store.Tx) (err error) {
			es, err = tx.Audit(store.AuditFilter{PostID: p.ID})
			return err
		}))
		var got []string
		for _, e := range es {
			got = append(got, e.Transition)
		}
		require.Equal(t, []string{"submit:draft>in_review", "approve:in_review>scheduled", "fan_out:scheduled>publishing",
			"settle_published:publishing>published"}, got)
		require.Equal(t, "post.settle", es[3].Action)
		_, err = s.DB().Exec(`UPDATE audit_log SET transition = 'approve:draft>scheduled' WHERE action = 'post.approve'`)
		require.NoError(t, err)
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			_, bad, err := tx.VerifyAudit()
			require.Equal(t, es[1].ID, bad, "a forged transition breaks the chain")
			return err
		}))
	})
}

// TestSelfLoopKeepsUpdatedAt: a step that keeps the state (a first
// approval) checks the state but leaves updated_at; a real move sets it.
func TestSelfLoopKeepsUpdatedAt(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		p := newPost(t, s)
		t0 := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
		s.SetNow(func() time.Time { return t0 })
		require.NoError(t, move(s, p, relais.PostSubmit))
		s.SetNow(func() time.Time { return t0.Add(time.Hour) })
		require.NoError(t, move(s, p, relais.PostApproveStep))
		require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
			got, err := tx.PostByID(p.ID)
			require.True(t, got.UpdatedAt.Equal(t0), "updated_at %s, want %s", got.UpdatedAt, t0)
			return err
		}))
	})
}
