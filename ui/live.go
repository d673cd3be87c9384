package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// liveChannel announces the sequence number of each stored live event.
const liveChannel = "relais_live"

// LiveKeep is how long the database keeps live events for catch-up.
const LiveKeep = 10 * time.Minute

const (
	livePoll    = time.Second           // read the log even without a notification
	liveGapWait = 2 * time.Second       // how long a hole in the numbers may be an uncommitted event
	liveBatch   = 500                   // events read at once
	liveRetry   = 20 * time.Millisecond // next read while waiting for a hole to fill
	liveTimeout = 5 * time.Second       // one database call
)

// LiveLog keeps live events in the database (store.Store on PostgreSQL):
// numbered cluster-wide, announced by NOTIFY and readable back by number
// for LiveKeep, so that no replica and no tab misses one while its
// connection is down.
type LiveLog interface {
	Relay
	AppendLive(ctx context.Context, channel, origin string, payloads [][]byte) (int64, error)
	LiveAfter(ctx context.Context, seq int64, limit int) ([]store.LiveRecord, error)
	LastLiveSeq(ctx context.Context) (int64, error)
	LiveDomain(ctx context.Context) (string, error)
}

// liveLink is a hub's connection to the log.
type liveLink struct {
	log      LiveLog
	domain   string
	queue    chan []byte   // envelopes to append, in publication order
	wake     chan struct{} // a notification (or a reconnection) arrived
	resync   atomic.Bool   // the next read follows a reconnection
	catchUps atomic.Int64
}

// ConnectLog makes the database number and carry this hub's events (all
// but presence, which stays transient): Publish appends them to the log,
// and every replica, this one included, delivers the log's events to its
// tabs in order. A replica whose LISTEN connection dropped, or that got no
// notification, reads what it missed from the log; so does a tab that
// reconnects with ?since= older than the hub's memory. It returns a
// function that waits for the link to stop once ctx ends.
func (h *Hub) ConnectLog(ctx context.Context, l LiveLog, log *slog.Logger) (wait func(), err error) {
	cctx, cancel := context.WithTimeout(ctx, liveTimeout)
	defer cancel()
	domain, err := l.LiveDomain(cctx)
	if err != nil {
		return nil, fmt.Errorf("cannot name the live event log: %w", err)
	}
	last, err := l.LastLiveSeq(cctx)
	if err != nil {
		return nil, fmt.Errorf("cannot read the live event log: %w", err)
	}
	link := &liveLink{log: l, domain: domain, queue: make(chan []byte, 4096), wake: make(chan struct{}, 1)}
	h.mu.Lock()
	h.live, h.seq, h.history, h.log = link, last, nil, log
	h.mu.Unlock()
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); h.appendLoop(ctx, link, log) }()
	go func() { defer wg.Done(); h.readLoop(ctx, link, log) }()
	go func() {
		defer wg.Done()
		l.Listen(ctx, liveChannel, func(p []byte) {
			if p == nil {
				link.resync.Store(true) // listening again: read what was missed
			}
			select {
			case link.wake <- struct{}{}:
			default:
			}
		}, func(err error) {
			log.Warn("live event notifications interrupted; catching up from the database", slog.Any("error", err))
		})
	}()
	return wg.Wait, nil
}

// CatchUps counts the reads of missed events from the database (by a
// replica after its notifications stopped, by a tab resuming).
func (h *Hub) CatchUps() int64 {
	h.mu.Lock()
	link := h.live
	h.mu.Unlock()
	if link == nil {
		return 0
	}
	return link.catchUps.Load()
}

// append queues e for the log; false when the hub has no log or e is a
// presence event.
func (h *Hub) append(e relais.Event) bool {
	h.mu.Lock()
	link, id, log := h.live, h.id, h.log
	h.mu.Unlock()
	if link == nil || e.Type == relais.EventPresence {
		return false
	}
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	e.Seq = 0
	p, err := json.Marshal(envelope{Origin: id, Event: e, Audience: e.Audience})
	if err != nil {
		log.Warn("live event not stored", slog.String("type", e.Type), slog.Any("error", err))
		return true
	}
	select {
	case link.queue <- p:
	default:
		log.Warn("live event not stored: the database is behind", slog.String("type", e.Type))
	}
	return true
}

// appendLoop stores the queued events, as many at once as are waiting.
func (h *Hub) appendLoop(ctx context.Context, link *liveLink, log *slog.Logger) {
	for {
		var batch [][]byte
		select {
		case <-ctx.Done():
			return
		case p := <-link.queue:
			batch = append(batch, p)
		}
		for len(batch) < liveBatch && len(link.queue) > 0 {
			batch = append(batch, <-link.queue)
		}
		for try := 0; ctx.Err() == nil; try++ {
			cctx, cancel := context.WithTimeout(ctx, liveTimeout)
			_, err := link.log.AppendLive(cctx, liveChannel, h.id, batch)
			cancel()
			if err == nil {
				break
			}
			log.Warn("cannot store live events; retrying", slog.Int("events", len(batch)), slog.Int("try", try+1), slog.Any("error", err))
			sleepCtx(ctx, min(time.Duration(try+1)*100*time.Millisecond, 2*time.Second))
		}
	}
}

// readLoop delivers the log's events to this hub, in order, on every
// notification and at least every livePoll.
func (h *Hub) readLoop(ctx context.Context, link *liveLink, log *slog.Logger) {
	poll := time.NewTicker(livePoll)
	defer poll.Stop()
	var gap time.Time // when the current hole in the numbers was first seen
	for {
		next := time.Duration(0)
		select {
		case <-ctx.Done():
			return
		case <-link.wake:
		case <-poll.C:
			link.resync.Store(true) // what this read finds came without a notification
		}
		for ctx.Err() == nil {
			more, wait, err := h.readLog(ctx, link, &gap)
			if err != nil {
				log.Warn("cannot read live events", slog.Any("error", err))
				break
			} else if wait {
				next = liveRetry
				break
			} else if !more {
				break
			}
		}
		if next > 0 {
			sleepCtx(ctx, next)
			select {
			case link.wake <- struct{}{}:
			default:
			}
		}
	}
}

// readLog delivers one batch of events after the hub's last; wait says a
// hole in the numbers may still fill (an event being committed).
func (h *Hub) readLog(ctx context.Context, link *liveLink, gap *time.Time) (more, wait bool, err error) {
	h.mu.Lock()
	last := h.seq
	h.mu.Unlock()
	cctx, cancel := context.WithTimeout(ctx, liveTimeout)
	defer cancel()
	recs, err := link.log.LiveAfter(cctx, last, liveBatch)
	if err != nil {
		return false, false, err
	}
	resync := link.resync.Swap(false)
	n := 0
	for _, r := range recs {
		if r.Seq != last+1 {
			if gap.IsZero() {
				*gap = time.Now()
			}
			if time.Since(*gap) < liveGapWait {
				break // an event numbered before may not be committed yet
			}
		}
		*gap, last = time.Time{}, r.Seq
		h.deliverRecord(r)
		n++
	}
	if resync && n > 0 {
		link.catchUps.Add(1)
	}
	return n == liveBatch, n < len(recs), nil
}

// deliverRecord hands one stored event to this replica's tabs.
func (h *Hub) deliverRecord(r store.LiveRecord) {
	var env envelope
	if json.Unmarshal(r.Payload, &env) != nil {
		h.mu.Lock()
		h.seq = max(h.seq, r.Seq) // unreadable: skip its number
		h.mu.Unlock()
		return
	}
	env.Event.Seq, env.Event.Audience = r.Seq, env.Audience
	h.deliver(env.Event)
}

// missedFromLog returns the events after since that m may see and that
// the hub's memory no longer holds, read from the log, and the number of
// the last event read.
func (h *Hub) missedFromLog(m *relais.Member, since int64) ([]relais.Event, int64) {
	h.mu.Lock()
	link, cur := h.live, h.seq
	inMemory := len(h.history) > 0 && h.history[0].Seq <= since+1
	h.mu.Unlock()
	if link == nil || since <= 0 || since >= cur || inMemory {
		return nil, 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), liveTimeout)
	defer cancel()
	recs, err := link.log.LiveAfter(ctx, since, subscriberBuffer-1)
	if err != nil || len(recs) == 0 {
		return nil, 0
	}
	link.catchUps.Add(1)
	var out []relais.Event
	for _, r := range recs {
		var env envelope
		if json.Unmarshal(r.Payload, &env) == nil {
			env.Event.Seq, env.Event.Audience = r.Seq, env.Audience
			if env.Event.Type != relais.EventPresence && visible(env.Event, m) {
				out = append(out, env.Event)
			}
		}
	}
	return out, recs[len(recs)-1].Seq
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
