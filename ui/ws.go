package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/websocket"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
)

const (
	writeWait  = 10 * time.Second
	pingPeriod = 30 * time.Second
)

// checkOrigin accepts a websocket only from the dashboard's own origin (or
// an origin listed in the configuration): a page elsewhere must not ride a
// member's cookie.
func (s *Server) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return r.Header.Get("Authorization") != "" // scripts with a bearer token
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, o := range s.cfg.AllowedOrigins {
		if strings.EqualFold(strings.TrimSuffix(o, "/"), origin) {
			return true
		}
	}
	return false
}

// handleWS streams live events to one tab. ?since=N replays missed events.
func (s *Server) handleWS(w http.ResponseWriter, r *http.Request) {
	m := relais.MemberFromContext(r.Context())
	if !s.checkOrigin(r) {
		s.apiError(w, r, relais.Errorf(relais.EFORBIDDEN, "Cross-origin websocket refused."))
		return
	}
	// Subscribe before the upgrade completes: once the client sees the
	// connection open, no event may slip past it.
	since, _ := strconv.ParseInt(r.URL.Query().Get("since"), 10, 64)
	if r.URL.Query().Get("hub") != s.hub.ID() {
		since = 0 // numbered by another replica (or before a restart): nothing to replay
	}
	cred, still := s.sessionCheck(r, m)
	sub, err := s.hub.subscribe(m, since, cred, s.maxSockets())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	defer s.hub.Unsubscribe(sub)
	// A tab sends small messages (presence, tone checks): a small read
	// buffer; writes borrow pooled buffers.
	up := websocket.Upgrader{CheckOrigin: s.checkOrigin, ReadBufferSize: 512, WriteBufferSize: 4096, WriteBufferPool: &wsWriteBuffers}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	replies, done := make(chan any, 4), make(chan struct{})
	replies <- map[string]any{"type": "hello", "hub": s.hub.ID()}
	go s.readLoop(conn, m, replies, done)
	s.writeLoop(conn, sub, replies, done, still)
}

// writeLoop is the only writer of conn: hub events, replies to this tab
// and pings.
func (s *Server) writeLoop(conn *websocket.Conn, sub *subscriber, replies <-chan any, done <-chan struct{}, still func() bool) {
	ticker := time.NewTicker(pingPeriod)
	defer ticker.Stop()
	recheck := time.NewTicker(s.wsRecheck())
	defer recheck.Stop()
	defer conn.Close()
	for {
		var msg any
		select {
		case <-sub.wake:
			if !writeEvents(conn, sub) {
				return // dropped (too slow) or gone
			}
			continue
		case msg = <-replies:
		case <-done:
			return
		case <-recheck.C:
			if !still() {
				return // signed out, revoked, disabled or given another role
			}
			continue
		case <-ticker.C:
			conn.SetWriteDeadline(time.Now().Add(writeWait))
			if err := conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
			continue
		}
		conn.SetWriteDeadline(time.Now().Add(writeWait))
		if err := conn.WriteJSON(msg); err != nil {
			return
		}
	}
}

// writeEvents writes the events queued for sub; false when the
// connection failed or sub was closed.
func writeEvents(conn *websocket.Conn, sub *subscriber) bool {
	evs, closed := sub.take()
	for _, e := range evs {
		pm, err := e.prepared()
		if err != nil {
			continue // not encodable: skip it, the tab catches up on a reload
		}
		conn.SetWriteDeadline(time.Now().Add(writeWait))
		if err := conn.WritePreparedMessage(pm); err != nil {
			return false
		}
	}
	return !closed
}

// wsMessage is what a tab may send: presence on a post, or a tone check as
// the author types.
type wsMessage struct {
	Type    string `json:"type"`
	PostID  int64  `json:"post_id,omitempty"`
	Text    string `json:"text,omitempty"`
	Profile string `json:"profile,omitempty"`
	Ref     int64  `json:"ref,omitempty"`
	Leave   bool   `json:"leave,omitempty"` // presence: the tab leaves the post
}

// readLoop handles what a tab sends until it disconnects.
func (s *Server) readLoop(conn *websocket.Conn, m *relais.Member, replies chan<- any, done chan<- struct{}) {
	defer close(done)
	conn.SetReadLimit(128 << 10)
	tone, presence := newBucket(10, 5), newBucket(4, 0.5) // burst, per second
	for {
		var msg wsMessage
		if err := conn.ReadJSON(&msg); err != nil {
			return
		}
		switch msg.Type {
		case "presence":
			// Presence reaches every staff tab: a tab may announce itself a
			// few times a minute, on a post its member may see, colistiers
			// not at all (they view no drafts).
			if msg.PostID <= 0 || !policy.Can(m, policy.PresenceAnnounce, policy.Object{}) || !presence.take(time.Now()) || !s.maySee(m, msg.PostID) {
				continue
			}
			s.hub.Publish(relais.Event{Type: relais.EventPresence, PostID: msg.PostID,
				Data: map[string]any{"member": m.Name, "member_id": m.ID, "role": m.Role, "leave": msg.Leave}})
		case "tone.check":
			if !tone.take(time.Now()) {
				continue // typing faster than 5 checks a second: the next one catches up
			}
			verdict, vs := s.cfg.Tone.Check(msg.Text, msg.Profile)
			reply := map[string]any{"type": "tone.result", "ref": msg.Ref, "verdict": verdict, "violations": vs}
			select {
			case replies <- reply:
			default: // the tab is not reading: skip this result
			}
		}
	}
}

// bucket is a token bucket: burst tokens, refilled at rate per second.
type bucket struct {
	tokens, burst, rate float64
	last                time.Time
}

func newBucket(burst int, rate float64) *bucket {
	return &bucket{tokens: float64(burst), burst: float64(burst), rate: rate}
}

// take spends a token if one is left at now.
func (b *bucket) take(now time.Time) bool {
	if !b.last.IsZero() {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
