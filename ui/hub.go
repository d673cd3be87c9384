package ui

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/relais/relais"
)

// historySize is how many past events a reconnecting tab may catch up on.
const historySize = 1024

// subscriberBuffer is how many events a slow tab may lag before it is
// dropped; the hub never blocks on a subscriber.
const subscriberBuffer = 256

// Hub fans live events out to websocket subscribers. It implements
// relais.EventService.
type Hub struct {
	mu      sync.Mutex
	seq     int64
	history []relais.Event
	subs    map[*subscriber]struct{}

	out chan []byte // events to relay to the other replicas (nil: none)
	id  string      // this hub, to ignore its own relayed events
	log *slog.Logger

	live *liveLink // the database's log of events (nil: this process numbers them)
}

type subscriber struct {
	member  *relais.Member
	session string // hash of the session or bearer token it was opened with
	ch      chan relais.Event
	once    sync.Once
}

func (s *subscriber) close() { s.once.Do(func() { close(s.ch) }) }

// NewHub returns an empty hub.
func NewHub() *Hub {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return &Hub{subs: make(map[*subscriber]struct{}), id: hex.EncodeToString(b)}
}

// ID names this hub's numbering of events, so that a tab resumes with
// ?since= only where the numbers mean the same: this process, or on
// PostgreSQL every replica of the database (ConnectLog).
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
		if e.Seq == 0 {
			e.Seq = h.seq + 1
		}
		h.seq = e.Seq
		h.history = append(h.history, e)
		if len(h.history) > historySize {
			h.history = h.history[len(h.history)-historySize:]
		}
	}
	for s := range h.subs {
		if !visible(e, s.member) {
			continue
		}
		select {
		case s.ch <- e:
		default:
			delete(h.subs, s)
			s.close()
		}
	}
}

// Subscribe registers m and returns its channel, preloaded with the events
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
	s := &subscriber{member: m, session: session, ch: make(chan relais.Event, subscriberBuffer)}
	for _, e := range missed {
		if len(s.ch) < subscriberBuffer-1 {
			s.ch <- e
		}
	}
	since = max(since, upTo)
	if since > 0 {
		for _, e := range h.history {
			if e.Seq > since && visible(e, m) && len(s.ch) < subscriberBuffer-1 {
				s.ch <- e
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
		return m.Role != relais.RoleColistier // colistiers get no staff events, presence included
	}
	for _, r := range e.Audience {
		if r == m.Role {
			return true
		}
	}
	return false
}
