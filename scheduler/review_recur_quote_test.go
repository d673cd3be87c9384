package scheduler

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewRecurKeepsQuote: a recurrence of a post quoting a colistier's
// post was approved for the comment with its quote (the quote is in the
// content hash); each occurrence publishes both, not the comment alone.
func TestReviewRecurKeepsQuote(t *testing.T) {
	t.Parallel()
	b := setupRecur(t, store.DialectSQLite)
	q := &relais.PostQuote{Platform: relais.PlatformBluesky, URI: "at://did:plc:colistier/app.bsky.feed.post/3kq", CID: "bafyquote",
		URL: "https://bsky.app/profile/did:plc:colistier/post/3kq"}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		tpl, err := tx.PostByID(b.rec.PostID)
		if err != nil {
			return err
		}
		tpl.Quote, tpl.Lang = q, "fr"
		tpl.ContentHash = tpl.Hash()
		if err := tx.UpdatePost(tpl); err != nil {
			return err
		}
		b.rec.Active = false // the first series was approved without the quote: a new one with it
		if err := tx.SetRecurrence(b.rec); err != nil {
			return err
		}
		b.rec = &relais.Recurrence{PostID: tpl.ID, Spec: b.rec.Spec, TZ: b.rec.TZ, CreatedBy: b.rec.CreatedBy, ContentHash: tpl.ContentOnlyHash()}
		return tx.CreateRecurrence(b.rec)
	}))
	friday := time.Date(2026, 3, 27, 7, 30, 0, 0, time.UTC)
	b.fire(t, friday, time.Second)
	rs := b.runs(t)
	require.Len(t, rs, 1)
	require.Equal(t, RunCreated, rs[0].Outcome)
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(rs[0].PostID)
		require.NoError(t, err)
		require.Equal(t, q, p.Quote, "the occurrence quotes what the series was approved with")
		require.Equal(t, b.rec.ContentHash, p.ContentOnlyHash())
		require.Equal(t, "fr", p.Lang)
		return nil
	}))
}
