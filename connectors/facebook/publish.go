package facebook

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// Publish implements connectors.Connector. It validates d first and sends
// nothing when it has problems (Permanent). The token travels in the form
// body, never in the URL.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if err := connectors.ProblemsError("facebook", c.Validate(d)); err != nil {
		return connectors.Receipt{}, err
	}
	endpoint, tok, err := c.feedURL(a)
	if err != nil {
		return connectors.Receipt{}, err
	}
	form := url.Values{"message": {d.Text}, "access_token": {tok}}
	if d.Link != "" {
		form.Set("link", d.Link)
	}
	var out struct {
		ID string `json:"id"`
	}
	_, err = c.api.Do(ctx, httpc.Request{Method: http.MethodPost, URL: endpoint, Op: "create post", Creates: true,
		Form: form}, &out)
	if err != nil {
		return connectors.Receipt{}, err
	} else if out.ID == "" {
		return connectors.Receipt{}, c.api.BadAnswer("create post", true, http.StatusOK, errors.New("answer without id"))
	}
	return connectors.Receipt{RemoteID: out.ID, URL: "https://www.facebook.com/" + out.ID}, nil
}

// Lookup implements connectors.Connector. The Graph API cannot find a post
// by key: found is always false and an unclear delivery needs a human.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}
