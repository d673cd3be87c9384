package store_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewVideoUsesRecurring: on both databases, a post's video use
// says whether an active recurrence copies it (then it is not done even
// when published), and a stopped one does not count.
func TestReviewVideoUsesRecurring(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		p := newPost(t, s)
		p.Video = &relais.PostVideo{UploadID: "0123456789abcdef0123456789abcdef", SHA256: "ab", Filename: "a.mp4", ContentType: "video/mp4", Size: 10}
		rec := &relais.Recurrence{PostID: p.ID, Spec: "0 9 1 * *", TZ: "Europe/Paris", CreatedBy: p.AuthorID}
		use := func() store.VideoUse {
			var us []store.VideoUse
			require.NoError(t, s.View(ctx, func(tx *store.Tx) (err error) { us, err = tx.VideoUses(); return err }))
			require.Len(t, us, 1)
			return us[0]
		}
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			if err := tx.UpdatePost(p); err != nil {
				return err
			} else if err := tx.CreateRecurrence(rec); err != nil {
				return err
			} else if err := tx.MovePost(p, relais.PostCancel); err != nil {
				return err
			}
			return tx.AppendAudit(&relais.AuditEntry{Actor: "test", Action: "post.cancel", PostID: p.ID})
		}))
		u := use()
		require.True(t, u.Recurring)
		require.False(t, u.Done(), "an active recurrence still copies it")
		rec.Active = false
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.SetRecurrence(rec) }))
		require.True(t, use().Done())
	})
}

// TestCarriedUploadsOnlyLivePosts: on both databases, an upload counts as
// carried (off its owner's quota) while its post may still publish it or
// published it, not once the post is deleted or cancelled.
func TestCarriedUploadsOnlyLivePosts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		p := newPost(t, s)
		id := "0123456789abcdef0123456789abcdef"
		p.Video = &relais.PostVideo{UploadID: id, SHA256: "ab", Filename: "a.mp4", ContentType: "video/mp4", Size: 10}
		carried := func() bool {
			var got map[string]bool
			require.NoError(t, s.View(ctx, func(tx *store.Tx) (err error) { got, err = tx.CarriedUploads([]string{id}); return err }))
			return got[id]
		}
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.UpdatePost(p) }))
		require.True(t, carried(), "a draft may still publish it")
		for _, st := range []relais.PostState{relais.PostPublished, relais.PostCancelled, relais.PostDeleted} {
			require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.SetPostState(p.ID, st) }))
			require.Equal(t, st == relais.PostPublished, carried(), st)
		}
	})
}
