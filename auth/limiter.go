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

// Take counts an attempt for key if it is allowed, atomically, and
// reports whether it was. A successful attempt is then Refunded (or the
// key Reset), a failed one stays counted.
func (l *Limiter) Take(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := l.recent(key)
	if len(r) >= l.max {
		return false
	}
	l.fails[key] = append(r, l.now())
	return true
}

// Refund forgets the last attempt counted for key.
func (l *Limiter) Refund(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r := l.recent(key); len(r) > 0 {
		l.fails[key] = r[:len(r)-1]
	}
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
