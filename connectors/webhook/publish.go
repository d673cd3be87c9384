package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
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
	ans, err := c.api.Do(ctx, request(u, kind, d.Text), nil)
	if err != nil {
		return connectors.Receipt{}, err
	}
	var msg struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(ans.Body, &msg) // Slack and Mattermost answer "ok"
	return connectors.Receipt{RemoteID: msg.ID}, nil
}

// request is the message text posted to the webhook u of kind.
func request(u, kind, text string) httpc.Request {
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
	return httpc.Request{Method: http.MethodPost, URL: u, Op: "post message", Creates: true, JSON: payload}
}

// Lookup implements connectors.Connector: webhooks cannot be queried, so
// found is always false.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}
