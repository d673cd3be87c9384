package mastodon

import (
	"context"
	"net/url"
	"strings"

	"github.com/relais/relais"
)

// Server software names, as nodeinfo's software.name gives them.
const (
	SoftwareMastodon   = "mastodon"
	SoftwareGoToSocial = "gotosocial"
)

// nodeinfoLinks is GET /.well-known/nodeinfo (nodeinfo.diaspora.software,
// "Discovery").
type nodeinfoLinks struct {
	Links []struct {
		Rel  string `json:"rel"`
		Href string `json:"href"`
	} `json:"links"`
}

// software asks the server at base what it runs, with nodeinfo 2.x; ""
// when it does not say. Only a document on base's own host is read.
func (c *Client) software(ctx context.Context, base string) string {
	var links nodeinfoLinks
	if _, err := c.get(ctx, base+"/.well-known/nodeinfo", "", "discover nodeinfo", &links); err != nil {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	for _, l := range links.Links {
		u, err := url.Parse(l.Href)
		if err != nil || u.Host != b.Host || !strings.HasPrefix(l.Rel, "http://nodeinfo.diaspora.software/ns/schema/2.") {
			continue
		}
		var ni struct {
			Software struct {
				Name string `json:"name"`
			} `json:"software"`
		}
		if _, err := c.get(ctx, l.Href, "", "read nodeinfo", &ni); err == nil {
			return strings.ToLower(strings.TrimSpace(ni.Software.Name))
		}
	}
	return ""
}

// HonoursKeyFor implements connectors.AccountIdempotent: only Mastodon
// itself is trusted with Idempotency-Key (GoToSocial, for one, ignores it),
// and only once the server's software is known. When nothing is cached
// for the account's server (the first attempt after a restart, which may
// be reconciling a delivery the previous process left publishing), it is
// asked now, within ctx; a server that cannot say is not trusted.
func (c *Client) HonoursKeyFor(ctx context.Context, a relais.Account) bool {
	in, ok := c.cachedFor(a)
	if !ok {
		in, _ = c.Instance(ctx, a)
	}
	return in.Software == SoftwareMastodon
}
