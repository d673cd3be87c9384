package connect

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"sync"
	"time"
)

// DefaultStateTTL is how long a member has to come back from the platform.
const DefaultStateTTL = 10 * time.Minute

// maxPending bounds the flows kept waiting, so that a member clicking
// "connect" in a loop cannot grow the map without end.
const maxPending = 1000

// States holds the pending flows: each state value is random (256 bits),
// bound to the session that started it, single-use and expiring. It is
// kept in memory: a callback must reach the process that started the
// flow. It is safe for concurrent use.
type States struct {
	mu      sync.Mutex
	ttl     time.Duration
	now     func() time.Time
	pending map[string]pending
}

type pending struct {
	session string
	expires time.Time
	data    map[string]string
}

// NewStates returns an empty store whose states live ttl
// (DefaultStateTTL when zero).
func NewStates(ttl time.Duration) *States {
	if ttl <= 0 {
		ttl = DefaultStateTTL
	}
	return &States{ttl: ttl, now: time.Now, pending: map[string]pending{}}
}

// Issue stores data for session and returns the new state value.
func (s *States) Issue(session string, data map[string]string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	state := base64.RawURLEncoding.EncodeToString(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sweep()
	if len(s.pending) >= maxPending {
		return "", errTooMany
	}
	s.pending[state] = pending{session: session, expires: s.now().Add(s.ttl), data: data}
	return state, nil
}

// Set replaces the data kept with a pending state (X's request token,
// known only once the state is in its callback URL). It reports false
// when the state is unknown or expired.
func (s *States) Set(state string, data map[string]string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[state]
	if !ok || s.now().After(p.expires) {
		return false
	}
	p.data = data
	s.pending[state] = p
	return true
}

// Take returns the data stored with state and forgets it: a state is used
// once, whatever the outcome. ok is false for an unknown or expired state
// or one issued to another session.
func (s *States) Take(state, session string) (map[string]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, found := s.pending[state]
	delete(s.pending, state)
	if !found || s.now().After(p.expires) || subtle.ConstantTimeCompare([]byte(p.session), []byte(session)) != 1 {
		return nil, false
	}
	return p.data, true
}

// sweep drops expired states; the caller holds the lock.
func (s *States) sweep() {
	now := s.now()
	for k, p := range s.pending {
		if now.After(p.expires) {
			delete(s.pending, k)
		}
	}
}
