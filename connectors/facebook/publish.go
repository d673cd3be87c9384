package facebook

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
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
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return connectors.Receipt{}, fmt.Errorf("facebook: unable to build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	id, err := c.do(req)
	if err != nil {
		return connectors.Receipt{}, err
	}
	return connectors.Receipt{RemoteID: id, URL: "https://www.facebook.com/" + id}, nil
}

// do sends req and returns the id of the created post.
func (c *Client) do(req *http.Request) (string, error) {
	res, err := c.http.Do(req)
	if err != nil {
		return "", connectors.TransportError("facebook", "create post", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return "", connectors.TransportError("facebook", "create post", err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return "", classify(res, b)
	}
	var out struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(b, &out) != nil || out.ID == "" {
		return "", &connectors.Error{Platform: "facebook", Class: connectors.OutcomeUnknown, Status: res.StatusCode,
			Err: fmt.Errorf("facebook: unable to create post: answer without id")}
	}
	return out.ID, nil
}

// Lookup implements connectors.Connector. The Graph API cannot find a post
// by key: found is always false and an unclear delivery needs a human.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}
