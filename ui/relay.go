package ui

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/relais/relais"
)

// relayChannel is the PostgreSQL notification channel of live events.
const relayChannel = "relais_events"

// Relay carries events between the replicas that share one database
// (store.Store: PostgreSQL NOTIFY/LISTEN; nothing on SQLite, which has one
// process).
type Relay interface {
	Notify(ctx context.Context, channel string, payload []byte) error
	Listen(ctx context.Context, channel string, fn func(payload []byte))
}

// envelope is an event on the wire between replicas (the audience is not
// part of the event's JSON, which goes to browsers).
type envelope struct {
	Origin   string        `json:"origin"`
	Event    relais.Event  `json:"event"`
	Audience []relais.Role `json:"audience,omitempty"`
}

// Connect relays this hub's events to the other replicas through r, and
// theirs to this hub's tabs, until ctx ends. Sending never blocks Publish:
// events queue (in order) and are dropped if the database falls behind.
func (h *Hub) Connect(ctx context.Context, r Relay, log *slog.Logger) {
	h.mu.Lock()
	h.out = make(chan []byte, 1024)
	out := h.out
	h.mu.Unlock()
	go r.Listen(ctx, relayChannel, h.receive)
	go func() {
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
}

// relay queues e for the other replicas.
func (h *Hub) relay(e relais.Event) {
	h.mu.Lock()
	out, id := h.out, h.id
	h.mu.Unlock()
	if out == nil {
		return
	}
	e.Seq = 0
	p, err := json.Marshal(envelope{Origin: id, Event: e, Audience: e.Audience})
	if err != nil || len(p) > 7900 { // NOTIFY payloads stop at 8000 bytes
		return
	}
	select {
	case out <- p:
	default:
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
	}
	env.Event.Audience = env.Audience
	h.deliver(env.Event)
}
