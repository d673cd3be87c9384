package auth

import (
	"context"
	"runtime/debug"
	"time"

	"github.com/relais/relais"
)

// checkMemory is what one argon2id password check holds.
const checkMemory = argonMemoryKiB * 1024

// DefaultCheckBudget is the memory password checks may hold at once when
// the process has no memory limit (GOMEMLIMIT): 4 checks.
const DefaultCheckBudget = 4 * checkMemory

// DefaultCheckWait is how long a sign-in waits for a free password check
// before it is answered "busy".
const DefaultCheckWait = 500 * time.Millisecond

// checkGate bounds how many password checks run at once, so that parallel
// sign-ins cannot make argon2id hold more memory than the budget.
type checkGate struct {
	slots chan struct{}
	wait  time.Duration
	check func(hash, password string) bool
	hash  func(password string) string
}

// newCheckGate admits budget/checkMemory checks at once (at least one).
func newCheckGate(budget int64, wait time.Duration) *checkGate {
	return &checkGate{slots: make(chan struct{}, max(1, budget/checkMemory)), wait: wait, check: CheckPassword,
		hash: HashPassword}
}

// defaultCheckBudget is a quarter of the process's memory limit when one is
// set, else DefaultCheckBudget.
func defaultCheckBudget() int64 {
	if limit := debug.SetMemoryLimit(-1); limit > 0 && limit < 1<<62 {
		return max(checkMemory, limit/4)
	}
	return DefaultCheckBudget
}

var errBusy = relais.Errorf(relais.ERATELIMIT, "Too many sign-ins at once: try again in a few seconds.").With("error.busy_logins")

// run checks password against hash in a free slot, or returns errBusy when
// none frees up within the gate's wait.
func (g *checkGate) run(ctx context.Context, hash, password string) (bool, error) {
	if err := g.acquire(ctx); err != nil {
		return false, err
	}
	defer func() { <-g.slots }()
	return g.check(hash, password), nil
}

// acquire takes a slot, waiting at most g.wait for one.
func (g *checkGate) acquire(ctx context.Context) error {
	select {
	case g.slots <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Slots returns how many password checks may run at once.
func (s *Service) Slots() int { return cap(s.gate.slots) }

// SetCheckBudget bounds the memory the password checks may hold at once
// and how long a sign-in waits for a free check.
func (s *Service) SetCheckBudget(bytes int64, wait time.Duration) {
	s.gate = newCheckGate(bytes, wait)
}

// SetThrottle replaces the sign-in throttle (a database-backed one, or one
// with a test clock).
func (s *Service) SetThrottle(t Throttle) { s.throttle = t }
