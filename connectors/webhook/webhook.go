// Package webhook posts messages to the team's own channels through Slack,
// Discord or Mattermost incoming webhooks.
//
// An account's credentials hold the webhook "url" (a secret: it is never
// put in errors) and its "kind". Incoming webhooks honour no idempotency
// key: a request that may have been delivered (timeout, 5xx) is
// connectors.OutcomeUnknown and Lookup reports found=false.
package webhook

import (
	"fmt"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// Credential keys.
const (
	CredURL  = "url"
	CredKind = "kind"
)

// Webhook kinds.
const (
	KindSlack      = "slack"
	KindDiscord    = "discord"
	KindMattermost = "mattermost"
)

// maxChars is each kind's message limit, in characters.
var maxChars = map[string]int{KindSlack: 40000, KindDiscord: 2000, KindMattermost: 16383}

// Client posts to incoming webhooks. It is safe for concurrent use.
type Client struct {
	api *httpc.Client
}

// New returns a client sending requests with httpClient (its Timeout bounds
// each call). There is no base URL: each account holds its webhook URL.
func New(httpClient *http.Client) *Client {
	return &Client{api: httpc.New(httpClient, httpc.Config{Platform: "webhook", MaxBody: 1 << 20, Rules: rules})}
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformWebhook }

// target returns the account's webhook URL and kind.
func target(a relais.Account) (string, string, error) {
	u, kind := a.Credentials[CredURL], a.Credentials[CredKind]
	if u == "" {
		return "", "", &connectors.Error{Platform: "webhook", Class: connectors.AuthExpired,
			Err: fmt.Errorf("webhook: account %d has no webhook URL: reconnect it", a.ID)}
	} else if _, ok := maxChars[kind]; !ok {
		return "", "", &connectors.Error{Platform: "webhook", Class: connectors.Permanent,
			Err: fmt.Errorf("webhook: account %d has unknown kind %q (slack, discord or mattermost)", a.ID, kind)}
	}
	return u, kind, nil
}
