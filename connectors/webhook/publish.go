package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Publish implements connectors.Connector: it posts {"text": ...} (Slack,
// Mattermost) or {"content": ...} (Discord, with ?wait=true so that Discord
// returns the message id).
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	u, kind, err := target(a)
	if err != nil {
		return connectors.Receipt{}, err
	}
	probs := c.Validate(d)
	if n := utf8.RuneCountInString(d.Text); n > maxChars[kind] {
		probs = append(probs, connectors.Problem{Field: "text", Code: "too_long",
			Message: fmt.Sprintf("text is %d characters, %s allows %d", n, kind, maxChars[kind])})
	}
	if err := connectors.ProblemsError("webhook", probs); err != nil {
		return connectors.Receipt{}, err
	}
	req, err := request(ctx, u, kind, d.Text)
	if err != nil {
		return connectors.Receipt{}, err
	}
	b, err := c.do(req)
	if err != nil {
		return connectors.Receipt{}, err
	}
	var msg struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(b, &msg) // Slack and Mattermost answer "ok"
	return connectors.Receipt{RemoteID: msg.ID}, nil
}

func request(ctx context.Context, u, kind, text string) (*http.Request, error) {
	payload := map[string]string{"text": text}
	if kind == KindDiscord {
		payload = map[string]string{"content": text}
		if pu, err := url.Parse(u); err == nil {
			q := pu.Query()
			q.Set("wait", "true")
			pu.RawQuery = q.Encode()
			u = pu.String()
		}
	}
	body, _ := json.Marshal(payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, &connectors.Error{Platform: "webhook", Class: connectors.Permanent,
			Err: fmt.Errorf("webhook: unable to build request: bad webhook URL")}
	}
	req.Header.Set("Content-Type", "application/json")
	return req, nil
}

func (c *Client) do(req *http.Request) ([]byte, error) {
	res, err := c.http.Do(req)
	if err != nil {
		return nil, connectors.TransportError("webhook", "post message", err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, connectors.TransportError("webhook", "post message", err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return nil, classify(res, b)
	}
	return b, nil
}

// Lookup implements connectors.Connector: webhooks cannot be queried, so
// found is always false.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}
