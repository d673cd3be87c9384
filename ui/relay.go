package ui

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"

	"github.com/relais/relais"
)

// relayChannel is the PostgreSQL notification channel of live events.
const relayChannel = "relais_events"

// Relay carries events between the replicas that share one database
// (store.Store: PostgreSQL NOTIFY/LISTEN; nothing on SQLite, which has one
// process).
type Relay interface {
	Notify(ctx context.Context, channel string, payload []byte) error
	Listen(ctx context.Context, channel string, fn func(payload []byte), onErr func(error))
}

// envelope is an event on the wire between replicas (the audience is not
// part of the event's JSON, which goes to browsers).
type envelope struct {
	Origin   string        `json:"origin"`
	Event    relais.Event  `json:"event"`
	Audience []relais.Role `json:"audience,omitempty"`
	Close    *closeOrder   `json:"close,omitempty"` // not an event: close websockets
}

// Connect relays this hub's events to the other replicas through r, and
// theirs to this hub's tabs, until ctx ends; the function it returns waits
// for the relay to stop. Sending never blocks Publish: events queue (in
// order) and are dropped, with a warning, if the database falls behind.
func (h *Hub) Connect(ctx context.Context, r Relay, log *slog.Logger) (wait func()) {
	h.mu.Lock()
	h.out, h.log = make(chan []byte, 1024), log
	out := h.out
	h.mu.Unlock()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.Listen(ctx, relayChannel, h.receive, func(err error) {
			log.Warn("live events from other replicas interrupted", slog.Any("error", err))
		})
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case p := <-out:
				if err := r.Notify(ctx, relayChannel, p); err != nil && ctx.Err() == nil {
					log.Warn("cannot relay a live event", slog.Any("error", err))
				}
			}
		}
	}()
	return wg.Wait
}

// relay queues e for the other replicas.
func (h *Hub) relay(e relais.Event) {
	h.mu.Lock()
	out, id, log := h.out, h.id, h.log
	h.mu.Unlock()
	if out == nil {
		return
	}
	e.Seq = 0
	p, err := json.Marshal(envelope{Origin: id, Event: e, Audience: e.Audience})
	if err != nil || len(p) > 7900 { // NOTIFY payloads stop at 8000 bytes
		log.Warn("live event not relayed: too large", slog.String("type", e.Type), slog.Int("bytes", len(p)))
		return
	}
	select {
	case out <- p:
	default:
		log.Warn("live event not relayed: the relay is behind", slog.String("type", e.Type))
	}
}

// receive delivers another replica's event to this replica's tabs.
func (h *Hub) receive(payload []byte) {
	var env envelope
	if json.Unmarshal(payload, &env) != nil {
		return
	}
	h.mu.Lock()
	own := env.Origin == h.id
	h.mu.Unlock()
	if own {
		return
	} else if env.Close != nil {
		h.closeLocal(*env.Close)
		return
	}
	env.Event.Audience = env.Audience
	h.deliver(env.Event)
}
