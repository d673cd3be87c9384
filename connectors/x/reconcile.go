package x

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"
	"unicode"


	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// Read prices of X's pay-per-use plan, in US dollars (docs.x.com,
// "Getting started: credit consumption": Posts: Read $0.005 per resource,
// User: Read $0.010 per resource).
const (
	PricePostRead = 0.005
	PriceUserRead = 0.010
)

// Reconciliation bounds: the posts read per lookup (GET
// /2/users/:id/tweets max_results) and the lookups a Client makes per day
// (UTC), so that reconciliation costs at most MaxLookupsPerDay ×
// ReconcileCostMax a day.
const (
	lookupPosts      = 10
	MaxLookupsPerDay = 100
	ReconcileCostMax = PriceUserRead + lookupPosts*PricePostRead
)

// ErrLookupCap is returned once the day's lookups are spent: the caller
// leaves the delivery to a person.
var ErrLookupCap = errors.New("x: daily reconciliation cap reached")

// ledger counts the reconciliation reads of the current UTC day.
type ledger struct {
	day     string
	lookups int
	dollars float64
}

// ReconcileSpend returns today's reconciliation lookups and their cost,
// for the X cost estimate.
func (c *Client) ReconcileSpend() (lookups int, dollars float64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.spend.day != today() {
		return 0, 0
	}
	return c.spend.lookups, c.spend.dollars
}

func today() string { return time.Now().UTC().Format(time.DateOnly) }

// reserve counts one lookup, or refuses past MaxLookupsPerDay.
func (c *Client) reserve() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d := today(); c.spend.day != d {
		c.spend = ledger{day: d}
	}
	if c.spend.lookups >= MaxLookupsPerDay {
		return false
	}
	c.spend.lookups++
	return true
}

func (c *Client) charge(dollars float64) {
	c.mu.Lock()
	c.spend.dollars += dollars
	c.mu.Unlock()
}

type timeline struct {
	Data []struct {
		ID        string    `json:"id"`
		Text      string    `json:"text"`
		CreatedAt time.Time `json:"created_at"`
	} `json:"data"`
}

// LookupDraft implements connectors.DraftLookup: it reads the account's
// own posts since the first attempt (GET /2/users/me, then GET
// /2/users/:id/tweets with start_time) and finds one with d's text (links
// aside: X shows them as t.co). Each lookup is counted in ReconcileSpend
// and at most MaxLookupsPerDay run a day.
func (c *Client) LookupDraft(ctx context.Context, a relais.Account, d connectors.Draft, key string, since time.Time) (connectors.Receipt, bool, error) {
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return connectors.Receipt{}, false, err
	}
	if !c.reserve() {
		return connectors.Receipt{}, false, &connectors.Error{Platform: "x", Class: connectors.OutcomeUnknown, Err: ErrLookupCap}
	}
	var me struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := c.get(ctx, hc, c.base(a)+"/2/users/me", &me, "read posts"); err != nil {
		return connectors.Receipt{}, false, err
	}
	c.charge(PriceUserRead)
	q := url.Values{"start_time": {since.Add(-2 * time.Minute).UTC().Format(time.RFC3339)},
		"max_results": {fmt.Sprint(lookupPosts)}, "tweet.fields": {"created_at"}}
	var tl timeline
	if err := c.get(ctx, hc, c.base(a)+"/2/users/"+url.PathEscape(me.Data.ID)+"/tweets?"+q.Encode(), &tl, "read posts"); err != nil {
		return connectors.Receipt{}, false, err
	}
	c.charge(float64(len(tl.Data)) * PricePostRead)
	want := comparable(d.Text)
	for _, p := range tl.Data {
		if comparable(html.UnescapeString(p.Text)) == want {
			return connectors.Receipt{RemoteID: p.ID, URL: postURL(a.Handle, p.ID)}, true, nil
		}
	}
	return connectors.Receipt{}, false, nil
}

// comparable is text without its links (X rewrites them as t.co, and
// drops the link of attached media) and without spaces.
func comparable(text string) string {
	var b strings.Builder
	at := 0
	for _, u := range textlen.ExtractURLs(text) {
		b.WriteString(text[at:u.Start])
		at = u.End
	}
	b.WriteString(text[at:])
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, b.String())
}

