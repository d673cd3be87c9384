package ui

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
)

// historySize is how many past events a reconnecting tab may catch up on.
const historySize = 1024

// subscriberBuffer is how many events a slow tab may lag before it is
// dropped; the hub never blocks on a subscriber. The queue holding them
// grows only as events wait: an idle tab holds none.
const subscriberBuffer = 256

// Hub fans live events out to websocket subscribers. It implements
// relais.EventService.
type Hub struct {
	mu      sync.Mutex
	seq     int64
	history []*outEvent
	subs    map[*subscriber]struct{}

	out chan []byte // events to relay to the other replicas (nil: none)
	id  string      // this hub, to ignore its own relayed events
	log *slog.Logger

	live *liveLink // the database's log of events (nil: this process numbers them)
}

// subscriber is one tab's queue of events, sized to what waits in it.
type subscriber struct {
	member  *relais.Member
	session string        // hash of the session or bearer token it was opened with
	wake    chan struct{} // one token: events were queued, or the queue closed

	mu     sync.Mutex
	queue  []*outEvent
	closed bool
}

func newSubscriber(m *relais.Member) *subscriber {
	return &subscriber{member: m, wake: make(chan struct{}, 1)}
}

// push queues e; false when the subscriber is closed or lags too far.
func (s *subscriber) push(e *outEvent) bool {
	s.mu.Lock()
	ok := !s.closed && len(s.queue) < subscriberBuffer
	if ok {
		s.queue = append(s.queue, e)
	}
	s.mu.Unlock()
	s.signal()
	return ok
}

func (s *subscriber) signal() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// close ends the subscription; what was queued is still delivered.
func (s *subscriber) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.signal()
}

// take returns the queued events, emptying the queue (its memory goes
// with it), and whether the subscriber is closed.
func (s *subscriber) take() ([]*outEvent, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queue
	s.queue = nil
	return q, s.closed
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return &Hub{subs: make(map[*subscriber]struct{}), id: hex.EncodeToString(b)}
}

// ID names this hub: event numbers are its own, so a tab resumes with
// ?since= only on the hub that numbered what it saw.
func (h *Hub) ID() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.live != nil {
		return h.live.domain
	}
	return h.id
}

// Publish numbers e and sends it to every subscriber allowed to see it.
// Subscribers whose buffer is full are dropped (their tab reconnects and
// catches up from the history).
//
// Presence events are transient: they carry no sequence number and are
// not kept for catch-up (tabs repeat them while they stay open), so that
// heartbeats never push real events out of the history.
func (h *Hub) Publish(e relais.Event) {
	if h.append(e) {
		return // numbered by the database, delivered from it in order
	}
	h.deliver(e)
	h.relay(e)
}

// deliver numbers e and hands it to this replica's subscribers.
func (h *Hub) deliver(e relais.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	if e.Type != relais.EventPresence {
		if e.Seq == 0 { // not numbered by the database's log (ConnectLog)
			e.Seq = h.seq + 1
		}
		h.seq = e.Seq
	}
	oe := &outEvent{Event: e}
	if e.Type != relais.EventPresence {
		h.history = append(h.history, oe)
		if len(h.history) > historySize {
			h.history = h.history[len(h.history)-historySize:]
		}
	}
	for s := range h.subs {
		if visible(e, s.member) && !s.push(oe) {
			delete(h.subs, s)
			s.close()
		}
	}
}

// Subscribe registers m and returns its queue, preloaded with the events
// after seq since (when since > 0) that m may see.
func (h *Hub) Subscribe(m *relais.Member, since int64) *subscriber {
	s, _ := h.subscribe(m, since, "", 0)
	return s
}

// subscribe is Subscribe for a websocket opened with the token whose hash
// is session; it refuses a member holding limit subscribers already (0: no
// limit).
func (h *Hub) subscribe(m *relais.Member, since int64, session string, limit int) (*subscriber, error) {
	missed, upTo := h.missedFromLog(m, since) // older than the memory: from the database's log
	h.mu.Lock()
	defer h.mu.Unlock()
	if limit > 0 && h.memberSockets(m.ID) >= limit {
		return nil, errTooManySockets
	}
	s := newSubscriber(m)
	s.session = session
	for _, e := range missed {
		if len(s.queue) < subscriberBuffer-1 {
			s.push(&outEvent{Event: e})
		}
	}
	since = max(since, upTo)
	if since > 0 {
		for _, e := range h.history {
			if e.Seq > since && visible(e.Event, m) && len(s.queue) < subscriberBuffer-1 {
				s.push(e)
			}
		}
	}
	h.subs[s] = struct{}{}
	return s, nil
}

// Unsubscribe removes s.
func (h *Hub) Unsubscribe(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, s)
	s.close()
}

// Seq returns the number of the last event.
func (h *Hub) Seq() int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.seq
}

// Count returns how many subscribers are connected.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func visible(e relais.Event, m *relais.Member) bool {
	if len(e.Audience) == 0 {
		return policy.Can(m, policy.LiveStaffEvents, policy.Object{}) // colistiers get no staff events, presence included
	}
	return policy.InAudience(m, e.Audience)
}
