package auth_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

const password = "long-enough-pw"

func setup(t *testing.T, dialect string) (*store.Store, *auth.Service, *relais.Member) {
	t.Helper()
	s := storetest.Open(t, dialect)
	a := auth.New(s)
	m := &relais.Member{Email: "web@x.fr", Name: "Web", Role: relais.RoleEditor}
	require.NoError(t, a.AddMember(context.Background(), m, password))
	return s, a, m
}

func requireCode(t *testing.T, code string, err error) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, relais.ErrorCode(err), "error: %v", err)
}

// TestSessionExpiryAndLogout checks that a session ends after SessionTTL on
// the store's clock, and at logout.
func TestSessionExpiryAndLogout(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s, a, m := setup(t, dialect)
		ctx := context.Background()
		sess, err := a.Login(ctx, "WEB@x.fr ", password, "10.0.0.1")
		require.NoError(t, err)
		got, csrf, err := a.SessionMember(ctx, sess.Token)
		require.NoError(t, err)
		require.Equal(t, m.ID, got.ID)
		require.Equal(t, sess.CSRF, csrf)

		now := time.Now().UTC()
		s.SetNow(func() time.Time { return now.Add(auth.SessionTTL - time.Minute) })
		_, _, err = a.SessionMember(ctx, sess.Token)
		require.NoError(t, err, "still valid just before expiry")
		s.SetNow(func() time.Time { return now.Add(auth.SessionTTL + time.Minute) })
		_, _, err = a.SessionMember(ctx, sess.Token)
		requireCode(t, relais.EUNAUTHORIZED, err)

		s.SetNow(func() time.Time { return now })
		sess, err = a.Login(ctx, "web@x.fr", password, "10.0.0.1")
		require.NoError(t, err)
		require.NoError(t, a.Logout(ctx, sess.Token))
		_, _, err = a.SessionMember(ctx, sess.Token)
		requireCode(t, relais.EUNAUTHORIZED, err)
		_, _, err = a.SessionMember(ctx, "forged-"+sess.Token)
		requireCode(t, relais.EUNAUTHORIZED, err)
	})
}

// TestLoginRateLimit checks that five failures for one e-mail from one
// address lock that pair out, even with the right password then, while the
// same address may still try another member.
func TestLoginRateLimit(t *testing.T) {
	t.Parallel()
	_, a, _ := setup(t, store.DialectSQLite)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		_, err := a.Login(ctx, "web@x.fr", "wrong-password", "10.0.0.1")
		requireCode(t, relais.EUNAUTHORIZED, err)
	}
	_, err := a.Login(ctx, "web@x.fr", password, "10.0.0.1")
	requireCode(t, relais.ERATELIMIT, err)
	_, err = a.Login(ctx, "other@x.fr", password, "10.0.0.1")
	requireCode(t, relais.EUNAUTHORIZED, err) // the address has failures left for other accounts
}

func TestLimiterWindow(t *testing.T) {
	t.Parallel()
	l := auth.NewLimiter(2, time.Minute)
	now := time.Now()
	l.SetClock(func() time.Time { return now })
	require.True(t, l.Take("k"))
	require.True(t, l.Take("k"))
	require.False(t, l.Take("k"), "the third attempt in the window is refused")
	require.True(t, l.Take("other"))
	l.Refund("k")
	require.True(t, l.Take("k"), "a refunded attempt (a success) frees its place")
	now = now.Add(61 * time.Second)
	require.True(t, l.Take("k"), "attempts age out of the window")
}

// TestLimiterParallel: many attempts at once never get past the limit.
func TestLimiterParallel(t *testing.T) {
	t.Parallel()
	l := auth.NewLimiter(5, time.Minute)
	var ok atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if l.Take("anne@x.fr") {
				ok.Add(1)
			}
		}()
	}
	wg.Wait()
	require.Equal(t, int32(5), ok.Load())
}

// TestTokenRevocation checks bearer tokens: issued, accepted, revoked.
func TestTokenRevocation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		_, a, m := setup(t, dialect)
		ctx := context.Background()
		tok, err := a.IssueToken(ctx, "web@x.fr")
		require.NoError(t, err)
		got, err := a.TokenMember(ctx, tok)
		require.NoError(t, err)
		require.Equal(t, m.ID, got.ID)
		n, err := a.RevokeTokens(ctx, "web@x.fr")
		require.NoError(t, err)
		require.EqualValues(t, 1, n)
		_, err = a.TokenMember(ctx, tok)
		requireCode(t, relais.EUNAUTHORIZED, err)
		_, err = a.TokenMember(ctx, "relais_forged")
		requireCode(t, relais.EUNAUTHORIZED, err)
		_, err = a.TokenMember(ctx, "no-prefix")
		requireCode(t, relais.EUNAUTHORIZED, err)
	})
}

// TestPurgeSessions removes expired sessions and keeps live ones.
func TestPurgeSessions(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
		m := &relais.Member{Email: "a@x.fr", Name: "A", Role: relais.RoleEditor}
		if err := tx.CreateMember(m, ""); err != nil {
			return err
		}
		if err := tx.CreateSession("old", m.ID, "", tx.Now().Add(-time.Minute)); err != nil {
			return err
		}
		return tx.CreateSession("live", m.ID, "", tx.Now().Add(time.Hour))
	}))
	require.NoError(t, auth.New(s).PurgeExpired(ctx))
	var n int
	require.NoError(t, s.DB().QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n))
	require.Equal(t, 1, n)
}
