// Package x publishes posts to X (formerly Twitter) through API v2:
// POST /2/tweets signed with OAuth 1.0a user context, images through the
// one-shot POST /2/media/upload.
//
// It does not use github.com/dghubble/go-twitter: that library is deprecated
// (November 2022) and only speaks API v1.1, whose statuses/update endpoint
// answers error 453 to self-serve apps.
//
// X honours no idempotency key and offers no way to find a post by one, so
// Lookup always reports found=false and every answer that leaves the fate of
// a create request unclear (timeout, connection reset, 5xx) is classified
// connectors.OutcomeUnknown: the scheduler must not retry it blindly. Before
// a person is asked, LookupDraft reads the account's own recent posts for
// the text (a cost counted in ReconcileSpend, capped per day).
package x

import (
	"cmp"
	"net/http"
	"sync"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// DefaultBaseURL is X's API host.
const DefaultBaseURL = "https://api.x.com"

// Client publishes to X. It is safe for concurrent use.
type Client struct {
	connectors.Batch // Metrics and MetricsBatch, 100 posts a call

	api *httpc.Client

	mu    sync.Mutex
	spend ledger // today's reconciliation reads
}

// New returns a client that sends requests with httpClient (its Timeout
// bounds each call) to baseURL, or to DefaultBaseURL when baseURL is empty.
// An account's BaseURL overrides both.
func New(httpClient *http.Client, baseURL string) *Client {
	c := &Client{api: httpc.New(httpClient, httpc.Config{Platform: "x", BaseURL: cmp.Or(baseURL, DefaultBaseURL), Rules: rules})}
	c.Batch = connectors.Batch{Platform: "x", Size: MetricsBatchSize, Read: c.readMetrics}
	return c
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformX }

func (c *Client) base(a relais.Account) string { return c.api.Base(a) }

// postURL is the public address of a post.
func postURL(handle, id string) string {
	if h := relais.NormalizeHandle(handle); h != "" {
		return "https://x.com/" + h + "/status/" + id
	}
	return "https://x.com/i/web/status/" + id
}
