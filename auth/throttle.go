package auth

import (
	"time"

	"github.com/relais/relais"
)

// MaxEmailBytes is the longest e-mail address accepted (RFC 5321's path
// limit); a longer one is refused before anything else is done with it.
const MaxEmailBytes = 254

// Throttle decides whether a sign-in attempt may run and learns its
// outcome. MemoryThrottle keeps its counts in this process; a
// database-backed Throttle shared by the replicas can replace it.
type Throttle interface {
	// Begin counts an attempt by client on account before its password is
	// checked (so parallel attempts cannot slip past the limits). It
	// returns ERATELIMIT when the attempt may not run.
	Begin(client, account string) (Attempt, error)
	// Succeeded forgets the attempt and account's failures from client.
	Succeeded(a Attempt)
	// Abandoned forgets the attempt without judging it (the password was
	// not checked).
	Abandoned(a Attempt)
}

// Attempt is a sign-in attempt a Throttle let through.
type Attempt struct {
	Client, Account string
	// Delay is how long to wait before checking the password: an account
	// under attack from elsewhere is slowed down, never locked, for an
	// address with no failures.
	Delay   time.Duration
	counted bool // the account-wide count includes this attempt
}

// Throttle limits of MemoryThrottle.
const (
	pairFailures    = 5  // per (client address, account)
	clientFailures  = 20 // per client address, any account
	accountFailures = 10 // per account from anywhere: beyond, slow down
	throttleWindow  = 15 * time.Minute
	accountSlowdown = time.Second
)

// MemoryThrottle throttles per (client address, account) and per client
// address; failures on an account from many addresses slow its sign-in
// down without locking out an address that has not failed.
type MemoryThrottle struct {
	pair, client, account *Limiter
	slowdown              time.Duration
}

// NewMemoryThrottle returns a throttle remembering at most maxKeys keys in
// each of its three counters.
func NewMemoryThrottle(maxKeys int) *MemoryThrottle {
	return &MemoryThrottle{
		pair:     NewBoundedLimiter(pairFailures, throttleWindow, maxKeys),
		client:   NewBoundedLimiter(clientFailures, throttleWindow, maxKeys),
		account:  NewBoundedLimiter(accountFailures, throttleWindow, maxKeys),
		slowdown: accountSlowdown,
	}
}

var errTooMany = relais.Errorf(relais.ERATELIMIT, "Too many attempts: try again in 15 minutes.").With("error.too_many_logins")

// Begin implements Throttle.
func (t *MemoryThrottle) Begin(client, account string) (Attempt, error) {
	a := Attempt{Client: client, Account: account}
	clean := t.client.Count(client) == 0
	if !t.pair.Take(pairKey(client, account)) {
		return a, errTooMany
	} else if !t.client.Take(client) {
		t.pair.Refund(pairKey(client, account))
		return a, errTooMany
	}
	if a.counted = t.account.Take(account); !a.counted {
		if !clean {
			t.undo(a)
			return a, errTooMany
		}
		a.Delay = t.slowdown
	}
	return a, nil
}

// Succeeded implements Throttle.
func (t *MemoryThrottle) Succeeded(a Attempt) {
	t.pair.Reset(pairKey(a.Client, a.Account))
	t.client.Refund(a.Client)
	if a.counted {
		t.account.Refund(a.Account)
	}
}

// Abandoned implements Throttle.
func (t *MemoryThrottle) Abandoned(a Attempt) { t.undo(a) }

func (t *MemoryThrottle) undo(a Attempt) {
	t.pair.Refund(pairKey(a.Client, a.Account))
	t.client.Refund(a.Client)
	if a.counted {
		t.account.Refund(a.Account)
	}
}

// Keys returns how many keys the throttle remembers, all counters together.
func (t *MemoryThrottle) Keys() int { return t.pair.Len() + t.client.Len() + t.account.Len() }

// SetClock replaces the throttle's clock, for tests.
func (t *MemoryThrottle) SetClock(now func() time.Time) {
	t.pair.SetClock(now)
	t.client.SetClock(now)
	t.account.SetClock(now)
}

func pairKey(client, account string) string { return client + "\x00" + account }
