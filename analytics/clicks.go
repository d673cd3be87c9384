package analytics

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// MaxPendingCounts bounds the click counts held in memory between flushes:
// past it, a click is written at once.
const MaxPendingCounts = 10000

type dayKey struct {
	link int64
	day  string
}

// Clicks buffers click counts (per link and day, nothing else) and flushes
// them to the store, so that a redirect never waits for a write.
type Clicks struct {
	st       *store.Store
	log      *slog.Logger
	mu       sync.Mutex
	pending  map[dayKey]int64
	now      func() time.Time
	day      string    // today in the campaign, computed once a day (under mu)
	dayEnd   time.Time // when day ends
	flushing atomic.Bool
}

// NewClicks returns a click counter writing to st.
func NewClicks(st *store.Store, log *slog.Logger) *Clicks {
	if log == nil {
		log = slog.Default()
	}
	return &Clicks{st: st, log: log, pending: map[dayKey]int64{}, now: time.Now}
}

// Day returns the calendar day of t in loc, the campaign's time zone.
func Day(t time.Time, loc *time.Location) string { return t.In(loc).Format(time.DateOnly) }

// Add counts one click on a link today. It never waits for the
// database: past MaxPendingCounts keys, a flush starts in the background.
func (c *Clicks) Add(linkID int64) {
	now := c.now()
	c.mu.Lock()
	if !now.Before(c.dayEnd) {
		loc := c.st.Location()
		c.day, c.dayEnd = Day(now, loc), nextMidnight(now, loc)
	}
	c.pending[dayKey{linkID, c.day}]++
	full := len(c.pending) >= MaxPendingCounts
	c.mu.Unlock()
	if full && c.flushing.CompareAndSwap(false, true) {
		go func() {
			defer c.flushing.Store(false)
			_ = c.Flush(context.Background())
		}()
	}
}

// nextMidnight is the start of the next calendar day after t in loc.
func nextMidnight(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}

// Flush writes the buffered counts. On failure they are kept for the next
// flush (up to MaxPendingCounts keys).
func (c *Clicks) Flush(ctx context.Context) error {
	c.mu.Lock()
	batch := c.pending
	c.pending = map[dayKey]int64{}
	c.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	cs := make([]store.ClickCount, 0, len(batch))
	for k, n := range batch {
		cs = append(cs, store.ClickCount{LinkID: k.link, Day: k.day, Clicks: n})
	}
	err := c.st.Update(ctx, func(tx *store.Tx) error { return tx.AddClicks(cs) })
	if err != nil {
		c.restore(batch)
		c.log.Warn("cannot save link clicks", slog.Int("counts", len(cs)), slog.Any("error", err))
	}
	return err
}

func (c *Clicks) restore(batch map[dayKey]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, n := range batch {
		if len(c.pending) >= MaxPendingCounts {
			return
		}
		c.pending[k] += n
	}
}

// Run flushes every interval until ctx ends, then flushes once more.
func (c *Clicks) Run(ctx context.Context, every time.Duration) {
	relais.Every(ctx, every, func() { _ = c.Flush(ctx) })
	_ = c.Flush(context.WithoutCancel(ctx))
}
