package auth

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store/storetest"
)

// TestPasswordChecksBounded (issue 11 item 4): parallel wrong-password
// sign-ins never run more argon2id checks at once than the memory budget
// admits (one here), and those beyond it are answered "busy" at once.
func TestPasswordChecksBounded(t *testing.T) {
	t.Parallel()
	s := New(storetest.Open(t, "sqlite"))
	require.NoError(t, s.AddMember(context.Background(), &relais.Member{Email: "anne@x.fr", Name: "Anne",
		Role: relais.RoleCandidate}, "long-enough-pw"))
	s.SetCheckBudget(checkMemory, 0)
	require.Equal(t, 1, s.Slots())
	var running, peak, busy atomic.Int32
	s.gate.check = func(hash, pw string) bool {
		n := running.Add(1)
		defer running.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		return CheckPassword(hash, pw)
	}
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			_, err := s.Login(context.Background(), "anne@x.fr", "wrong-password", fmt.Sprint("10.0.0.", i))
			if relais.ErrorCode(err) == relais.ERATELIMIT {
				busy.Add(1)
				require.Less(t, time.Since(start), 500*time.Millisecond, "busy is answered quickly")
			} else {
				require.Equal(t, relais.EUNAUTHORIZED, relais.ErrorCode(err), "error: %v", err)
			}
		}()
	}
	wg.Wait()
	require.Equal(t, int32(1), peak.Load(), "one argon2id check at a time")
	require.Positive(t, busy.Load(), "attempts beyond the budget are refused, not queued")
}
