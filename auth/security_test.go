package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
)

// TestLoginRefusesOverlongEmail (issue 11 item 3): an e-mail over 254
// bytes is refused as invalid before the throttle remembers anything.
func TestLoginRefusesOverlongEmail(t *testing.T) {
	t.Parallel()
	_, a, _ := setup(t, store.DialectSQLite)
	th := auth.NewMemoryThrottle(100)
	a.SetThrottle(th)
	for _, n := range []int{255, 60 << 10} {
		email := strings.Repeat("a", n-len("@x.fr")) + "@x.fr"
		_, err := a.Login(context.Background(), email, "wrong-password", "10.0.0.1")
		requireCode(t, relais.EINVALID, err)
		require.Equal(t, "email", relais.ErrorField(err))
	}
	require.Zero(t, th.Keys(), "nothing remembered for a refused e-mail")
}

// TestThrottleMemoryIsBounded (issue 11 item 3): thousands of attempts on
// invented accounts from invented addresses leave the throttle at its bound.
func TestThrottleMemoryIsBounded(t *testing.T) {
	t.Parallel()
	th := auth.NewMemoryThrottle(100)
	for i := range 5000 {
		_, err := th.Begin(fmt.Sprintf("10.%d.%d.%d", i>>16, (i>>8)&255, i&255), fmt.Sprintf("u%d@x.fr", i))
		require.NoError(t, err)
	}
	require.LessOrEqual(t, th.Keys(), 300, "three counters of at most 100 keys")
}

// TestLimiterSweepsExpiredKeys (issue 11 item 3): keys whose attempts have
// aged out are forgotten as the limiter is used.
func TestLimiterSweepsExpiredKeys(t *testing.T) {
	t.Parallel()
	l := auth.NewBoundedLimiter(5, time.Minute, 1000)
	now := time.Now()
	l.SetClock(func() time.Time { return now })
	for i := range 500 {
		require.True(t, l.Take(fmt.Sprint("k", i)))
	}
	require.Equal(t, 500, l.Len())
	now = now.Add(2 * time.Minute)
	for range 200 {
		l.Take("fresh")
	}
	require.Equal(t, 1, l.Len(), "only the fresh key is left")
}

// TestStrangersCannotLockTheCandidateOut (issue 11 item 5): failures on the
// candidate's e-mail from other addresses never refuse her right password
// from an address with no failures; addresses that failed are throttled.
// (The failures go through the throttle directly: each is an attempt Begun
// and never Succeeded, as a wrong password leaves it.)
func TestStrangersCannotLockTheCandidateOut(t *testing.T) {
	t.Parallel()
	_, a, _ := setup(t, store.DialectSQLite)
	th := auth.NewMemoryThrottle(100)
	a.SetThrottle(th)
	ctx := context.Background()
	_, err := a.Login(ctx, "web@x.fr", "wrong-password", "10.6.6.0")
	requireCode(t, relais.EUNAUTHORIZED, err)
	for i := range 20 {
		_, _ = th.Begin(fmt.Sprintf("10.6.6.%d", i), "web@x.fr")
	}
	sess, err := a.Login(ctx, "web@x.fr", password, "10.0.0.2")
	require.NoError(t, err, "the right password from a clean address signs in (slowed down, not locked)")
	require.NotEmpty(t, sess.Token)
	_, err = a.Login(ctx, "web@x.fr", password, "10.6.6.0")
	requireCode(t, relais.ERATELIMIT, err) // an address that failed waits out the account's window
}

// TestThrottlePerPairAndAddress (issue 11 item 5): five failures lock one
// (address, account) pair; twenty lock the address for every account; a
// success frees the pair.
func TestThrottlePerPairAndAddress(t *testing.T) {
	t.Parallel()
	th := auth.NewMemoryThrottle(100)
	for range 5 {
		_, err := th.Begin("10.7.7.7", "anne@x.fr")
		require.NoError(t, err)
	}
	_, err := th.Begin("10.7.7.7", "anne@x.fr")
	requireCode(t, relais.ERATELIMIT, err)
	_, err = th.Begin("10.7.7.8", "anne@x.fr")
	require.NoError(t, err, "another address is not throttled by this pair")
	for i := range 15 {
		_, err := th.Begin("10.7.7.7", fmt.Sprintf("u%d@x.fr", i))
		require.NoError(t, err)
	}
	_, err = th.Begin("10.7.7.7", "bob@x.fr")
	requireCode(t, relais.ERATELIMIT, err)
	for range 4 {
		_, err = th.Begin("10.9.9.9", "carl@x.fr")
		require.NoError(t, err)
	}
	ok, err := th.Begin("10.9.9.9", "carl@x.fr")
	require.NoError(t, err)
	th.Succeeded(ok)
	_, err = th.Begin("10.9.9.9", "carl@x.fr")
	require.NoError(t, err, "a success forgets the pair's failures")
}
