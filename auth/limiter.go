package auth

import (
	"container/list"
	"sync"
	"time"
)

// DefaultLimiterKeys bounds how many keys a Limiter remembers: an
// unauthenticated caller inventing keys cannot make it grow further.
const DefaultLimiterKeys = 10000

// Limiter counts attempts per key over a sliding period. It remembers at
// most maxKeys keys: keys whose attempts have all aged out are swept, and
// beyond the bound the least recently used key is forgotten.
type Limiter struct {
	mu      sync.Mutex
	max     int
	period  time.Duration
	maxKeys int
	keys    map[string]*list.Element // of *limiterKey
	lru     *list.List               // front: most recently used
	now     func() time.Time
}

type limiterKey struct {
	key   string
	times []time.Time
}

// NewLimiter allows max attempts per key within period, remembering at most
// DefaultLimiterKeys keys.
func NewLimiter(max int, period time.Duration) *Limiter {
	return NewBoundedLimiter(max, period, DefaultLimiterKeys)
}

// NewBoundedLimiter is NewLimiter remembering at most maxKeys keys.
func NewBoundedLimiter(max int, period time.Duration, maxKeys int) *Limiter {
	return &Limiter{max: max, period: period, maxKeys: max1(maxKeys), keys: make(map[string]*list.Element),
		lru: list.New(), now: time.Now}
}

func max1(n int) int { return max(n, 1) }

// Take counts an attempt for key if it is allowed, atomically, and
// reports whether it was. A successful attempt is then Refunded (or the
// key Reset), a failed one stays counted.
func (l *Limiter) Take(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := l.entry(key, true)
	if len(k.times) >= l.max {
		return false
	}
	k.times = append(k.times, l.now())
	return true
}

// Count returns how many attempts key has in the period.
func (l *Limiter) Count(key string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if k := l.entry(key, false); k != nil {
		return len(k.times)
	}
	return 0
}

// Refund forgets the last attempt counted for key.
func (l *Limiter) Refund(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if k := l.entry(key, false); k != nil && len(k.times) > 0 {
		k.times = k.times[:len(k.times)-1]
	}
}

// Reset forgets key's attempts.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.keys[key]; ok {
		l.lru.Remove(e)
		delete(l.keys, key)
	}
}

// Len returns how many keys the limiter remembers.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}

// entry returns key's recent attempts (creating the key when create),
// marking it most recently used, after sweeping what has aged out.
func (l *Limiter) entry(key string, create bool) *limiterKey {
	cut := l.now().Add(-l.period)
	l.sweep(cut)
	e, ok := l.keys[key]
	if !ok {
		if !create {
			return nil
		}
		for len(l.keys) >= l.maxKeys {
			l.drop(l.lru.Back())
		}
		e = l.lru.PushFront(&limiterKey{key: key})
		l.keys[key] = e
	}
	l.lru.MoveToFront(e)
	k := e.Value.(*limiterKey)
	i := 0
	for i < len(k.times) && k.times[i].Before(cut) {
		i++
	}
	k.times = k.times[i:]
	return k
}

// sweep forgets the least recently used keys whose attempts are all older
// than cut (a few per call, so that every call stays cheap).
func (l *Limiter) sweep(cut time.Time) {
	for range 4 {
		e := l.lru.Back()
		if e == nil {
			return
		}
		k := e.Value.(*limiterKey)
		if len(k.times) > 0 && !k.times[len(k.times)-1].Before(cut) {
			return
		}
		l.drop(e)
	}
}

func (l *Limiter) drop(e *list.Element) {
	l.lru.Remove(e)
	delete(l.keys, e.Value.(*limiterKey).key)
}

// SetClock replaces the limiter's clock, for tests.
func (l *Limiter) SetClock(now func() time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = now
}
