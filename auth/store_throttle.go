package auth

import (
	"context"
	"log/slog"
	"time"

	"github.com/relais/relais/store"
)

// StoreThrottle is MemoryThrottle's policy with its counts in the database
// (keys hashed): shared by every replica and kept across restarts. If the
// database cannot answer, attempts are let through (signing in needs the
// database anyway) and the error logged.
type StoreThrottle struct {
	store    *store.Store
	log      *slog.Logger
	slowdown time.Duration
}

// storeThrottleTimeout bounds one throttle query.
const storeThrottleTimeout = 5 * time.Second

// NewStoreThrottle returns a database-backed throttle.
func NewStoreThrottle(s *store.Store, log *slog.Logger) *StoreThrottle {
	return &StoreThrottle{store: s, log: log, slowdown: accountSlowdown}
}

// The three counters, as keys in the database.
func pairCounter(client, account string) string { return "pair\x00" + pairKey(client, account) }
func clientCounter(client string) string        { return "client\x00" + client }
func accountCounter(account string) string      { return "account\x00" + account }

// Begin implements Throttle.
func (t *StoreThrottle) Begin(client, account string) (Attempt, error) {
	ctx, cancel := context.WithTimeout(context.Background(), storeThrottleTimeout)
	defer cancel()
	a := Attempt{Client: client, Account: account}
	fails, err := t.store.CountLoginAttempts(ctx, clientCounter(client), throttleWindow)
	if err != nil {
		return a, t.unavailable(err)
	}
	if ok, err := t.store.TakeLoginAttempt(ctx, pairCounter(client, account), pairFailures, throttleWindow); err != nil || !ok {
		return a, t.refused(err)
	}
	if ok, err := t.store.TakeLoginAttempt(ctx, clientCounter(client), clientFailures, throttleWindow); err != nil || !ok {
		t.refund(pairCounter(client, account))
		return a, t.refused(err)
	}
	a.counted, err = t.store.TakeLoginAttempt(ctx, accountCounter(account), accountFailures, throttleWindow)
	if err != nil {
		return a, t.unavailable(err)
	} else if !a.counted {
		if fails > 0 {
			t.undo(a)
			return a, errTooMany
		}
		a.Delay = t.slowdown // an account attacked from elsewhere: slowed down, not locked
	}
	return a, nil
}

// Succeeded implements Throttle.
func (t *StoreThrottle) Succeeded(a Attempt) {
	t.do(func(ctx context.Context) error {
		return t.store.ResetLoginAttempts(ctx, pairCounter(a.Client, a.Account))
	})
	t.refund(clientCounter(a.Client))
	if a.counted {
		t.refund(accountCounter(a.Account))
	}
}

// Abandoned implements Throttle.
func (t *StoreThrottle) Abandoned(a Attempt) { t.undo(a) }

// Purge deletes the attempts older than the throttle's window (a
// housekeeping chore).
func (t *StoreThrottle) Purge(ctx context.Context) error {
	return t.store.PurgeLoginAttempts(ctx, throttleWindow)
}

func (t *StoreThrottle) undo(a Attempt) {
	t.refund(pairCounter(a.Client, a.Account))
	t.refund(clientCounter(a.Client))
	if a.counted {
		t.refund(accountCounter(a.Account))
	}
}

func (t *StoreThrottle) refund(key string) {
	t.do(func(ctx context.Context) error { return t.store.RefundLoginAttempt(ctx, key) })
}

// refused is the answer to a refused attempt, or to a failed query.
func (t *StoreThrottle) refused(err error) error {
	if err != nil {
		return t.unavailable(err)
	}
	return errTooMany
}

// unavailable logs a failed query and lets the attempt through.
func (t *StoreThrottle) unavailable(err error) error {
	t.log.Error("sign-in throttle unavailable", slog.Any("error", err))
	return nil
}

func (t *StoreThrottle) do(fn func(ctx context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), storeThrottleTimeout)
	defer cancel()
	if err := fn(ctx); err != nil {
		t.log.Error("sign-in throttle unavailable", slog.Any("error", err))
	}
}
