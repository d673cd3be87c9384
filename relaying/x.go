package relaying

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/store"
)

// XClient reads and reposts on X with an account's own signed
// credentials (connectors/x.Client); quotes are published by the
// scheduler with the draft's quote_tweet_id.
type XClient interface {
	OwnPosts(ctx context.Context, a relais.Account) ([]x.OwnPost, error)
	Repost(ctx context.Context, a relais.Account, id string) error
}

// XReadsFor is how long a colistier's X posts, once read, are shown
// again without asking X: each read is billed per post.
const XReadsFor = 15 * time.Minute

// xReads remembers the last read of each X account.
type xReads struct {
	mu sync.Mutex
	m  map[int64]xRead
}

type xRead struct {
	at    time.Time
	items []Item
}

// xRecent reads a's latest X posts: from the last read if recent, else
// from X once today's read cap (shared with metrics: the project's X
// cost cap, analytics.DefaultXDailyCap reads by default) allows
// x.OwnPostsMax more reads.
func (s *Service) xRecent(ctx context.Context, a *relais.Account) ([]Item, error) {
	if s.X == nil {
		return nil, fmt.Errorf("relaying: X is not configured")
	}
	if items, ok := s.xCache.get(a.ID, s.Store.Now()); ok {
		return items, nil
	} else if err := s.takeXReads(ctx); err != nil {
		return nil, err
	}
	posts, err := s.X.OwnPosts(ctx, *a)
	if err != nil {
		return nil, err
	}
	items := make([]Item, 0, len(posts))
	for _, p := range posts {
		items = append(items, Item{URI: xURL(a.Handle, p.ID), ID: p.ID, Text: p.Text, CreatedAt: p.CreatedAt})
	}
	s.xCache.put(a.ID, s.Store.Now(), items)
	return items, nil
}

// takeXReads counts x.OwnPostsMax reads against today's X cap.
func (s *Service) takeXReads(ctx context.Context) error {
	limit := s.XDailyCap
	if limit == 0 {
		limit = analytics.DefaultXDailyCap
	}
	var ok bool
	err := s.Store.Update(ctx, func(tx *store.Tx) (err error) {
		ok, err = tx.TakeBudget(string(relais.PlatformX), analytics.Day(s.Store.Now(), s.Store.Location()), x.OwnPostsMax, limit)
		return err
	})
	if err == nil && !ok {
		return ErrXCap
	}
	return err
}

func (c *xReads) get(id int64, now time.Time) ([]Item, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[id]
	return r.items, ok && now.Sub(r.at) < XReadsFor
}

func (c *xReads) put(id int64, now time.Time, items []Item) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[int64]xRead{}
	}
	c.m[id] = xRead{at: now, items: items}
}

// xURL is a post's address on X.
func xURL(handle, id string) string {
	if h := relais.NormalizeHandle(handle); h != "" {
		return "https://x.com/" + h + "/status/" + id
	}
	return "https://x.com/i/web/status/" + id
}
