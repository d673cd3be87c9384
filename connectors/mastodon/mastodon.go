// Package mastodon publishes statuses to a Mastodon instance through its
// REST API: POST /api/v1/statuses with an Idempotency-Key, images through
// POST /api/v2/media, limits read from GET /api/v2/instance.
//
// Mastodon keeps an Idempotency-Key for one hour: within that window a
// retried Publish with the same key returns the first status instead of
// posting twice. That retry is the reconciliation; the API has no lookup by
// key, so Lookup reports found=false. Timeouts and 5xx are Retryable for
// that reason (see IdempotencyWindow for the limit).
package mastodon

import (
	"cmp"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// IdempotencyWindow is how long Mastodon remembers an Idempotency-Key. A
// retry later than that after an unclear attempt may post twice.
const IdempotencyWindow = time.Hour

// CredAccessToken is the credential key of the account's OAuth token
// (scopes write:statuses and write:media).
const CredAccessToken = "access_token"

// Client publishes to Mastodon instances. It is safe for concurrent use.
type Client struct {
	api        *httpc.Client
	visibility string

	mu        sync.Mutex
	instances map[string]Instance // by base URL
}

// New returns a client sending requests with httpClient (its Timeout bounds
// each call). baseURL is the default instance, used when an account has no
// BaseURL of its own; visibility is the default visibility ("public" when
// empty).
func New(httpClient *http.Client, baseURL, visibility string) *Client {
	cfg := httpc.Config{Platform: "mastodon", BaseURL: baseURL, KeyedRetry: true, Rules: rules}
	return &Client{api: httpc.New(httpClient, cfg), visibility: cmp.Or(visibility, "public"), instances: make(map[string]Instance)}
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformMastodon }

// base returns the instance URL for a: its BaseURL, else the default.
func (c *Client) base(a relais.Account) (string, error) {
	if base := c.api.Base(a); base != "" {
		return base, nil
	}
	return "", &connectors.Error{Class: connectors.Permanent, Platform: "mastodon",
		Err: fmt.Errorf("mastodon: account %d has no instance URL", a.ID)}
}

func token(a relais.Account) (string, error) {
	if t := a.Credentials[CredAccessToken]; t != "" {
		return t, nil
	}
	return "", &connectors.Error{Class: connectors.AuthExpired, Platform: "mastodon",
		Err: fmt.Errorf("mastodon: account %d has no access token: reconnect it", a.ID)}
}
