package scheduler

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// textConn records the texts it publishes, by account.
type textConn struct {
	*fakeConn
	mu    sync.Mutex
	texts map[int64]string
}

func (c *textConn) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	c.mu.Lock()
	c.texts[a.ID] = d.Text
	c.mu.Unlock()
	return c.fakeConn.Publish(ctx, a, d, key)
}

// TestFanOutTracksLinks checks that publishing replaces every link of the
// post, of its colistiers' suggestions and of its supporters' share kits
// by short links, one code per (post, variant, channel, district), and
// that an account that opted out publishes the naked link.
func TestFanOutTracksLinks(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect, Config{SuggestBatch: 50})
		linker, err := analytics.NewLinker(b.ctx, b.store, "https://r.example.org")
		require.NoError(t, err)
		conn := &textConn{fakeConn: b.conn, texts: map[int64]string{}}
		b.sched.cfg.Links, b.sched.cfg.Connectors = linker, connectors.NewRegistry(conn)
		for _, e := range []string{"c1@example.org", "c2@example.org", "c3@example.org"} {
			b.member(t, e, relais.RoleColistier, "11e")
		}
		supporters(t, b, 4, "11e")
		tracked := b.accounts(t, 1, relais.OwnerDistrict, "11e")[0]
		naked := b.accounts(t, 1, relais.OwnerColistier, "11e")[0]
		storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.SetLinkOptOut(naked, true) }))
		dest := "https://paris2026.fr/programme?s=11"
		p := b.scheduledPost(t, []int64{tracked, naked}, b.store.Now(), map[relais.Platform]string{relais.PlatformX: "X " + dest})
		p.Text = "Le programme : " + dest + " ce soir"
		p.ContentHash = p.Hash()
		storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error { return tx.UpdatePost(p) }))

		require.NoError(t, (&FanOutWorker{s: b.sched}).Work(b.ctx, job(FanOutArgs{PostID: p.ID, ContentHash: p.ContentHash}, 1)))
		var ds []*relais.Delivery
		var kits []store.ShareKit
		var links []store.LinkClicks
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
			ds, _ = tx.Deliveries(p.ID)
			kits, _ = tx.ShareKits(p.ID, 0, 100)
			return nil
		}))
		for _, d := range ds {
			require.NoError(t, (&DeliverWorker{s: b.sched}).Work(b.ctx, job(DeliverArgs{DeliveryID: d.ID}, 1)))
		}
		storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) (err error) {
			links, err = tx.PostLinks(p.ID)
			return err
		}))

		require.Equal(t, "Le programme : "+dest+" ce soir", conn.texts[naked], "opted-out account publishes the naked link")
		short := conn.texts[tracked]
		require.NotContains(t, short, dest)
		require.Regexp(t, `^Le programme : https://r\.example\.org/l/[0-9A-Za-z]{10} ce soir$`, short)
		require.Len(t, kits, 7)
		for _, k := range kits {
			require.NotContains(t, k.Text, dest, "suggestion %d", k.SuggestionID)
			require.Contains(t, k.Text, "https://r.example.org/l/")
		}
		byChannel := map[string]int{}
		for _, l := range links {
			require.Equal(t, dest, l.URL)
			require.Equal(t, "11e", l.District)
			require.True(t, strings.Contains(short+joinTexts(kits), l.Code), "link %s handed out", l.Code)
			byChannel[l.Channel]++
		}
		// district account: 1; colistiers: text and X variant (rotated) in the 11e; supporters: the text.
		require.Equal(t, map[string]int{"district": 1, "colistier": 2, "supporter": 1}, byChannel)
	})
}

func joinTexts(kits []store.ShareKit) string {
	var b strings.Builder
	for _, k := range kits {
		b.WriteString(k.Text)
	}
	return b.String()
}
