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

func TestMigrateIsIdempotentAndCurrent(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		require.NoError(t, s.Migrate(ctx))
		pending, err := s.PendingMigrations(ctx)
		require.NoError(t, err)
		require.Empty(t, pending)
	})
}

func TestPostRoundTripAndCredentials(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		var post *relais.Post
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			m := &relais.Member{Email: "Anne@Example.org", Name: "Anne", Role: relais.RoleCandidate}
			require.NoError(t, tx.CreateMember(m, "h"))
			require.Equal(t, "anne@example.org", m.Email)
			err := tx.CreateMember(&relais.Member{Email: "anne@example.org", Name: "Dup", Role: relais.RoleEditor}, "")
			require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))

			a := &relais.Account{Platform: relais.PlatformX, Handle: "@anne", OwnerKind: relais.OwnerCandidate}
			require.NoError(t, tx.CreateAccount(a, map[string]string{"access_token": "s3cr3t"}))
			at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
			post = &relais.Post{AuthorID: m.ID, Text: "Bonjour Paris", Targets: []int64{a.ID}, ScheduledAt: &at,
				Variants: map[relais.Platform]string{relais.PlatformX: "Bonjour X"}, State: relais.PostDraft}
			post.ContentHash = post.Hash()
			return tx.CreatePost(post)
		}))
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			got, err := tx.PostByID(post.ID)
			require.NoError(t, err)
			require.Equal(t, post.Text, got.Text)
			require.Equal(t, post.Targets, got.Targets)
			require.Equal(t, "Bonjour X", got.TextFor(relais.PlatformX))
			require.True(t, post.ScheduledAt.Equal(*got.ScheduledAt))
			require.Equal(t, post.ContentHash, got.Hash(), "hash must survive a round trip")

			a, err := tx.AccountByHandle("x:anne")
			require.NoError(t, err)
			require.Nil(t, a.Credentials)
			full, err := tx.AccountWithCredentials(a.ID)
			require.NoError(t, err)
			require.Equal(t, "s3cr3t", full.Credentials["access_token"])
			_, err = tx.PostByID(9999)
			require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
			return nil
		}))
		var raw []byte
		require.NoError(t, s.DB().QueryRow(`SELECT credentials FROM accounts`).Scan(&raw))
		require.NotContains(t, string(raw), "s3cr3t", "credentials must be encrypted at rest")
	})
}

func TestAuditChainDetectsTampering(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			for _, action := range []string{"post.create", "post.submit", "post.approve"} {
				require.NoError(t, tx.AppendAudit(&relais.AuditEntry{Actor: "test", Action: action, PostID: 1, Detail: "d"}))
			}
			return nil
		}))
		verify := func() (int, int64) {
			var n int
			var bad int64
			require.NoError(t, s.View(ctx, func(tx *store.Tx) (err error) {
				n, bad, err = tx.VerifyAudit()
				return err
			}))
			return n, bad
		}
		n, bad := verify()
		require.Equal(t, 3, n)
		require.Zero(t, bad)
		_, err := s.DB().Exec(`UPDATE audit_log SET detail = 'forged' WHERE action = 'post.submit'`)
		require.NoError(t, err)
		n, bad = verify()
		require.Equal(t, 1, n)
		require.Equal(t, int64(2), bad)
	})
}

// TestCredentialsBoundToTheirAccount: sealed credentials copied to another
// account's row do not open there.
func TestCredentialsBoundToTheirAccount(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	var a, b relais.Account
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		a = relais.Account{Platform: relais.PlatformMastodon, Handle: "anne", OwnerKind: relais.OwnerCandidate}
		b = relais.Account{Platform: relais.PlatformMastodon, Handle: "colistier", OwnerKind: relais.OwnerColistier}
		require.NoError(t, tx.CreateAccount(&a, map[string]string{"access_token": "candidate-token"}))
		return tx.CreateAccount(&b, map[string]string{"access_token": "colistier-token"})
	}))
	_, err := s.DB().Exec(`UPDATE accounts SET credentials = (SELECT credentials FROM accounts WHERE id = ?) WHERE id = ?`, a.ID, b.ID)
	require.NoError(t, err)
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		_, err := tx.AccountWithCredentials(b.ID)
		require.ErrorContains(t, err, "cannot decrypt")
		got, err := tx.AccountWithCredentials(a.ID)
		require.NoError(t, err)
		require.Equal(t, "candidate-token", got.Credentials["access_token"])
		return nil
	}))
}

// TestReconnectRepairsUnreadableCredentials: after the secret key was lost,
// new credentials replace the unreadable ones.
func TestReconnectRepairsUnreadableCredentials(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := storetest.Config(t, store.DialectSQLite)
	s, err := store.Open(ctx, cfg)
	require.NoError(t, err)
	require.NoError(t, s.Migrate(ctx))
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateAccount(&relais.Account{Platform: relais.PlatformMastodon, Handle: "anne", OwnerKind: relais.OwnerCandidate},
			map[string]string{"access_token": "old"})
	}))
	require.NoError(t, s.Close())

	cfg.Box = storetest.Config(t, store.DialectSQLite).Box // another key: the old one is lost
	s, err = store.Open(ctx, cfg)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		_, err := tx.AccountWithCredentials(1)
		require.Error(t, err, "unreadable with the new key")
		return tx.MergeCredentials(1, map[string]string{"access_token": "new"})
	}))
	require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
		a, err := tx.AccountWithCredentials(1)
		require.NoError(t, err)
		require.Equal(t, map[string]string{"access_token": "new"}, a.Credentials)
		return nil
	}))
}

// TestDeleteUnattachedMedia keeps attached and recent images.
func TestDeleteUnattachedMedia(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		m := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
		require.NoError(t, tx.CreateMember(m, ""))
		a := &relais.Account{Platform: relais.PlatformSandbox, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
		require.NoError(t, tx.CreateAccount(a, nil))
		var imgs [2]relais.Media
		for i := range imgs {
			imgs[i] = relais.Media{Filename: "a.png", ContentType: "image/png", UploadedBy: m.ID}
			require.NoError(t, tx.CreateMedia(&imgs[i], []byte{byte(i)}))
		}
		p := &relais.Post{AuthorID: m.ID, Text: "x", Targets: []int64{a.ID}, State: relais.PostDraft, Media: imgs[:1]}
		return tx.CreatePost(p)
	}))
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		n, err := tx.DeleteUnattachedMedia(tx.Now().Add(-time.Hour))
		require.Zero(t, n, "a recent upload is kept")
		n, err = tx.DeleteUnattachedMedia(tx.Now().Add(time.Hour))
		require.Equal(t, int64(1), n, "only the unattached one goes")
		return err
	}))
}

// TestMediaBytesStoredOnce: copies for recurring posts share the bytes,
// which go when the last image using them goes.
func TestMediaBytesStoredOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		blobs := func() (n int) {
			require.NoError(t, s.DB().QueryRow(`SELECT COUNT(*) FROM media_blobs`).Scan(&n))
			return n
		}
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			m := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
			require.NoError(t, tx.CreateMember(m, ""))
			img := relais.Media{Filename: "affiche.png", ContentType: "image/png", UploadedBy: m.ID}
			require.NoError(t, tx.CreateMedia(&img, []byte("image bytes")))
			copies, err := tx.CopyMedia([]relais.Media{img, img})
			require.NoError(t, err)
			for _, c := range copies {
				data, err := tx.MediaData(c.ID)
				require.NoError(t, err)
				require.Equal(t, "image bytes", string(data))
				require.Equal(t, img.SHA256, c.SHA256)
			}
			return nil
		}))
		require.Equal(t, 1, blobs(), "three images, one copy of the bytes")
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			n, err := tx.DeleteUnattachedMedia(tx.Now().Add(time.Hour))
			require.Equal(t, int64(3), n)
			return err
		}))
		require.Zero(t, blobs(), "bytes go with the last image")
	})
}
