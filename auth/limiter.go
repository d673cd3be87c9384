package auth

import (
	"sync"
	"time"
)

// Limiter counts failures per key over a sliding period.
type Limiter struct {
	mu     sync.Mutex
	max    int
	period time.Duration
	fails  map[string][]time.Time
	now    func() time.Time
}

// NewLimiter allows max failures per key within period.
func NewLimiter(max int, period time.Duration) *Limiter {
	return &Limiter{max: max, period: period, fails: make(map[string][]time.Time), now: time.Now}
}

// Allow reports whether key may try again.
func (l *Limiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key)) < l.max
}

// Fail records a failure for key.
func (l *Limiter) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fails[key] = append(l.recent(key), l.now())
}

// Reset forgets key's failures.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}

func (l *Limiter) recent(key string) []time.Time {
	cut := l.now().Add(-l.period)
	ts := l.fails[key]
	i := 0
	for i < len(ts) && ts[i].Before(cut) {
		i++
	}
	if i == len(ts) {
		delete(l.fails, key)
		return nil
	}
	return ts[i:]
}

// SetClock replaces the limiter's clock, for tests.
func (l *Limiter) SetClock(now func() time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = now
}
