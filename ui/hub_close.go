package ui

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/relais/relais"
)

// DefaultMaxSocketsPerMember bounds how many websockets one member may hold
// open on one replica.
const DefaultMaxSocketsPerMember = 20

// closeOrder asks every replica to close websockets: all of a member's, or
// those of one session (by the hash of its token).
type closeOrder struct {
	MemberID int64  `json:"member_id,omitempty"`
	Session  string `json:"session,omitempty"`
}

// CloseMember closes every websocket of a member here and on the other
// replicas (her rights changed: revoked, disabled, new role).
func (h *Hub) CloseMember(memberID int64) {
	o := closeOrder{MemberID: memberID}
	h.closeLocal(o)
	h.relayClose(o)
}

// CloseSession closes the websockets opened with one session or token
// (by the hash of its token), here and on the other replicas.
func (h *Hub) CloseSession(tokenHash string) {
	o := closeOrder{Session: tokenHash}
	h.closeLocal(o)
	h.relayClose(o)
}

// CloseAll closes every websocket of this replica (at shutdown: the HTTP
// server's Shutdown does not close hijacked connections).
func (h *Hub) CloseAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		delete(h.subs, s)
		s.close()
	}
}

// closeLocal closes this replica's matching subscribers: their write loop
// then closes the websocket.
func (h *Hub) closeLocal(o closeOrder) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		if (o.MemberID != 0 && s.member.ID == o.MemberID) || (o.Session != "" && s.session == o.Session) {
			delete(h.subs, s)
			s.close()
		}
	}
}

// relayClose queues a close order for the other replicas.
func (h *Hub) relayClose(o closeOrder) {
	h.mu.Lock()
	out, id := h.out, h.id
	h.mu.Unlock()
	if out == nil {
		return
	}
	p, _ := json.Marshal(envelope{Origin: id, Close: &o})
	select {
	case out <- p:
	default:
		h.log.Warn("websocket close order not relayed: the relay is behind")
	}
}

// memberSockets returns how many subscribers m holds. Callers hold h.mu.
func (h *Hub) memberSockets(id int64) int {
	n := 0
	for s := range h.subs {
		if s.member.ID == id {
			n++
		}
	}
	return n
}

// RemoteCloser sends close orders to the replicas through a relay, for a
// process that holds no websockets itself (the relais command line). On
// SQLite (no relay) the server's periodic session re-check closes them.
type RemoteCloser struct {
	Relay Relay
}

// CloseMember implements auth.Closer.
func (c RemoteCloser) CloseMember(memberID int64) { c.send(closeOrder{MemberID: memberID}) }

// CloseSession implements auth.Closer.
func (c RemoteCloser) CloseSession(tokenHash string) { c.send(closeOrder{Session: tokenHash}) }

func (c RemoteCloser) send(o closeOrder) {
	p, _ := json.Marshal(envelope{Origin: "cli", Close: &o})
	_ = c.Relay.Notify(context.Background(), relayChannel, p)
}

var errTooManySockets = relais.Errorf(relais.ERATELIMIT, "Too many open tabs (at most %d).", DefaultMaxSocketsPerMember).
	With("error.too_many_tabs", "max", strconv.Itoa(DefaultMaxSocketsPerMember))
