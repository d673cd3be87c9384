// Package bluesky publishes posts to Bluesky (AT Protocol) with an app
// password: com.atproto.server.createSession (refreshed with
// refreshSession), com.atproto.repo.createRecord of app.bsky.feed.post,
// images through uploadBlob, and facets for links, mentions and hashtags in
// UTF-8 byte offsets.
//
// It uses github.com/bluesky-social/indigo's generated lexicon types and
// API helpers (api/atproto, api/bsky) over a small lexutil.LexClient of its
// own: indigo's xrpc package pulls in a large dependency tree and atclient
// drops the response headers relais needs to classify rate limits.
//
// Bluesky honours no idempotency key, so the record key is chosen before
// the call, derived from the delivery's key (RecordKey): a retry cannot
// create a second post (the PDS refuses an existing key), and Lookup finds
// the post with com.atproto.repo.getRecord.
package bluesky

import (
	"cmp"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// DefaultBaseURL is the PDS entryway of bsky.social accounts.
const DefaultBaseURL = "https://bsky.social"

// Credential keys. identifier and app_password are required; the session
// keys are optional and let a restarted process resume a session.
const (
	CredIdentifier  = "identifier"
	CredAppPassword = "app_password"
	CredAccessJwt   = "access_jwt"
	CredRefreshJwt  = "refresh_jwt"
	CredDID         = "did"
)

// Client publishes to Bluesky. It is safe for concurrent use once
// OnSession is set.
type Client struct {
	connectors.Batch // Metrics and MetricsBatch, 25 posts a call

	api *httpc.Client

	// OnSession, if set, is called with the new tokens and the account's
	// DID whenever a session is created or refreshed, so that the caller
	// can persist them (in the account's credentials under CredAccessJwt,
	// CredRefreshJwt and CredDID): a restarted process then resumes the
	// session instead of calling createSession (30 per 5 minutes).
	OnSession func(accountID int64, access, refresh, did string)

	mu       sync.Mutex
	sessions map[int64]session
}

// New returns a client sending requests with httpClient (its Timeout
// bounds each call) to baseURL, or DefaultBaseURL when empty. An account's
// BaseURL overrides both.
func New(httpClient *http.Client, baseURL string) *Client {
	cfg := httpc.Config{Platform: "bluesky", BaseURL: cmp.Or(baseURL, DefaultBaseURL), KeyedRetry: true, Rules: rules}
	c := &Client{api: httpc.New(httpClient, cfg), sessions: make(map[int64]session)}
	c.Batch = connectors.Batch{Platform: "bluesky", Size: MetricsBatchSize, Read: c.readMetrics}
	return c
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformBluesky }

func (c *Client) host(a relais.Account) string { return c.api.Base(a) }

// postURL is the public address of a post: on bsky.app for accounts of
// the bsky.social entryway, else the record on the account's own PDS
// (com.atproto.repo.getRecord), which answers without the AppView.
func postURL(host, did, rkey string) string {
	if host == "" || host == DefaultBaseURL || strings.HasSuffix(host, ".bsky.network") {
		return "https://bsky.app/profile/" + did + "/post/" + rkey
	}
	q := url.Values{"repo": {did}, "collection": {Collection}, "rkey": {rkey}}
	return host + "/xrpc/com.atproto.repo.getRecord?" + q.Encode()
}
