package auth

import (
	"context"
	"log/slog"
	"time"

	"github.com/relais/relais/store"
)

// LoginLimiter counts login attempts per key (an e-mail, a client
// address): Take counts one if allowed, Refund forgets the last, Reset
// forgets all.
type LoginLimiter interface {
	Take(key string) bool
	Refund(key string)
	Reset(key string)
}

// StoreLimiter is a LoginLimiter kept in the database: shared by every
// replica and surviving restarts. If the database cannot answer, attempts
// are allowed (the login then needs the database anyway) and the error
// logged.
type StoreLimiter struct {
	store  *store.Store
	max    int
	period time.Duration
	log    *slog.Logger
}

// limiterTimeout bounds one limiter query.
const limiterTimeout = 5 * time.Second

// NewStoreLimiter allows max attempts per key within period.
func NewStoreLimiter(s *store.Store, max int, period time.Duration, log *slog.Logger) *StoreLimiter {
	return &StoreLimiter{store: s, max: max, period: period, log: log}
}

// Take implements LoginLimiter.
func (l *StoreLimiter) Take(key string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), limiterTimeout)
	defer cancel()
	ok, err := l.store.TakeLoginAttempt(ctx, key, l.max, l.period)
	if err != nil {
		l.log.Error("login limiter unavailable", slog.Any("error", err))
		return true
	}
	return ok
}

// Refund implements LoginLimiter.
func (l *StoreLimiter) Refund(key string) {
	l.do(func(ctx context.Context) error { return l.store.RefundLoginAttempt(ctx, key) })
}

// Reset implements LoginLimiter.
func (l *StoreLimiter) Reset(key string) {
	l.do(func(ctx context.Context) error { return l.store.ResetLoginAttempts(ctx, key) })
}

// Purge deletes attempts older than the period (a housekeeping chore).
func (l *StoreLimiter) Purge(ctx context.Context) error {
	return l.store.PurgeLoginAttempts(ctx, l.period)
}

func (l *StoreLimiter) do(fn func(ctx context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), limiterTimeout)
	defer cancel()
	if err := fn(ctx); err != nil {
		l.log.Error("login limiter unavailable", slog.Any("error", err))
	}
}

// SetLimiter replaces the in-process login limiter (e.g. by a
// StoreLimiter, shared by replicas).
func (s *Service) SetLimiter(l LoginLimiter) { s.limiter = l }
