package store_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// newPost stores a draft by a fresh member.
func newPost(t *testing.T, s *store.Store) *relais.Post { return newPostFor(t, s, "anne") }

// TestGormClockFollowsSetNow (issue 11 item 13): updated_at written by gorm
// itself follows the store clock set with SetNow.
func TestGormClockFollowsSetNow(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		p := newPost(t, s)
		then := time.Date(2031, 5, 4, 3, 2, 1, 0, time.UTC)
		s.SetNow(func() time.Time { return then })
		ctx := context.Background()
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error { return tx.SetPostState(p.ID, relais.PostCancelled) }))
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			got, err := tx.PostByID(p.ID)
			require.NoError(t, err)
			require.True(t, got.UpdatedAt.Equal(then), "updated_at %s, want the store clock's %s", got.UpdatedAt, then)
			return nil
		}))
	})
}

// TestCorruptRoutingIsAnError (issue 11 item 13): a post whose stored
// routing or variants are not JSON is an error naming the column, not a
// post silently without them.
func TestCorruptRoutingIsAnError(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	for _, col := range []string{"routing", "variants"} {
		p := newPostFor(t, s, col)
		_, err := s.DB().ExecContext(ctx, `UPDATE posts SET `+col+` = '{not json' WHERE id = ?`, p.ID)
		require.NoError(t, err)
		err = s.View(ctx, func(tx *store.Tx) error {
			_, err := tx.PostByID(p.ID)
			return err
		})
		require.ErrorContains(t, err, col)
		err = s.View(ctx, func(tx *store.Tx) error {
			_, err := tx.Posts(store.PostFilter{})
			return err
		})
		require.ErrorContains(t, err, col)
		_, err = s.DB().ExecContext(ctx, `DELETE FROM posts WHERE id = ?`, p.ID)
		require.NoError(t, err)
	}
}

// newPostFor stores a draft by a member named after tag.
func newPostFor(t *testing.T, s *store.Store, tag string) *relais.Post {
	t.Helper()
	p := &relais.Post{Text: "Bonjour " + tag, State: relais.PostDraft}
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error {
		m := &relais.Member{Email: tag + "@example.org", Name: tag, Role: relais.RoleCandidate}
		require.NoError(t, tx.CreateMember(m, ""))
		p.AuthorID = m.ID
		p.ContentHash = p.Hash()
		return tx.CreatePost(p)
	}))
	return p
}

// TestContributorsBackfill (issue 11 item 1): the migration's backfill
// records each post's author and everyone the audit log shows creating or
// editing it, and nobody else.
func TestContributorsBackfill(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		p := newPostFor(t, s, "author")
		var editor, commenter relais.Member
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			editor, commenter = relais.Member{Email: "ed@x.fr", Name: "Ed", Role: relais.RoleEditor}, relais.Member{Email: "co@x.fr", Name: "Co", Role: relais.RoleEditor}
			require.NoError(t, tx.CreateMember(&editor, ""))
			require.NoError(t, tx.CreateMember(&commenter, ""))
			require.NoError(t, tx.AppendAudit(&relais.AuditEntry{ActorID: editor.ID, Action: "post.edit", PostID: p.ID}))
			return tx.AppendAudit(&relais.AuditEntry{ActorID: commenter.ID, Action: "post.comment", PostID: p.ID})
		}))
		_, err := s.FlushAudit(ctx) // PostgreSQL: chain the pending entries the backfill reads
		require.NoError(t, err)
		_, err = s.DB().ExecContext(ctx, `DELETE FROM post_contributors`)
		require.NoError(t, err)
		_, err = s.DB().ExecContext(ctx, backfillStatement(t))
		require.NoError(t, err)
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			for who, want := range map[int64]bool{p.AuthorID: true, editor.ID: true, commenter.ID: false} {
				got, err := tx.IsContributor(p.ID, who)
				require.NoError(t, err)
				require.Equal(t, want, got, "member %d", who)
			}
			return nil
		}))
	})
}

// backfillStatement returns the INSERT INTO post_contributors statement of
// migration 0008.
func backfillStatement(t *testing.T) string {
	b, err := os.ReadFile("migrations/0008_security.sql")
	require.NoError(t, err)
	text := string(b)
	start := strings.Index(text, "INSERT INTO post_contributors")
	require.GreaterOrEqual(t, start, 0)
	end := strings.Index(text[start:], ";")
	return text[start : start+end]
}
