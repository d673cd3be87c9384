package mastodon

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// ownStatus is a status as GET /api/v1/accounts/:id/statuses lists it.
type ownStatus struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	URI       string    `json:"uri"`
	Content   string    `json:"content"` // HTML
	Text      string    `json:"text"`    // the source, when the server gives it
	CreatedAt time.Time `json:"created_at"`
}

// lookupWindow is how long before the first attempt a found status may
// have been created (clock skew between relais and the server).
const lookupWindow = 2 * time.Minute

// LookupDraft implements connectors.DraftLookup: it reads the account's
// 40 most recent statuses (verify_credentials, then
// /api/v1/accounts/:id/statuses) for one created since the first attempt
// with d's text. Mastodon renders mentions without their domain, so a
// status may exist and not be recognised: the caller then treats the
// outcome as unknown, never as a reason to post again.
func (c *Client) LookupDraft(ctx context.Context, a relais.Account, d connectors.Draft, key string, since time.Time) (connectors.Receipt, bool, error) {
	if _, err := c.Instance(ctx, a); err != nil { // learns the server's software too
		return connectors.Receipt{}, false, err
	}
	tok, err := token(a)
	if err != nil {
		return connectors.Receipt{}, false, err
	}
	base, _ := c.base(a)
	var me struct {
		ID string `json:"id"`
	}
	if _, err := c.get(ctx, base+"/api/v1/accounts/verify_credentials", tok, "read own account", &me); err != nil {
		return connectors.Receipt{}, false, err
	}
	var sts []ownStatus
	if _, err := c.get(ctx, base+"/api/v1/accounts/"+url.PathEscape(me.ID)+"/statuses?limit=40", tok, "read own statuses", &sts); err != nil {
		return connectors.Receipt{}, false, err
	}
	want := squash(d.Text)
	for _, st := range sts {
		if st.CreatedAt.Before(since.Add(-lookupWindow)) || (squash(st.Text) != want && squash(stripTags(st.Content)) != want) {
			continue
		}
		u := st.URL
		if u == "" {
			u = st.URI
		}
		return connectors.Receipt{RemoteID: st.ID, URL: u}, true, nil
	}
	return connectors.Receipt{}, false, nil
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// stripTags turns a status's HTML into its text.
func stripTags(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, " ")) }

// squash drops every space, so that paragraphs and line breaks compare
// equal however the server rendered them.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
