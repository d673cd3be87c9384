// Package facebook publishes posts to a Facebook Page through the Graph
// API: POST /{version}/{page-id}/feed with the page access token.
//
// The Graph API honours no idempotency key and cannot find a post by one:
// Lookup reports found=false, and a request that may have been processed
// (timeout, 5xx after the POST) is connectors.OutcomeUnknown, since a retry
// can publish twice. Error 506 (duplicate post) is OutcomeUnknown too, with
// IsDuplicate: after an unclear attempt it means that attempt went through.
package facebook

import (
	"cmp"
	"fmt"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/textlen"
)

// Defaults.
const (
	DefaultBaseURL = "https://graph.facebook.com"
	DefaultVersion = "v26.0"
)

// Credential keys: the page access token, and the page id (else the
// account's handle is the page id).
const (
	CredPageToken = "page_access_token"
	CredPageID    = "page_id"
)

// Client publishes to Facebook Pages. It is safe for concurrent use.
type Client struct {
	api     *httpc.Client
	version string
}

// New returns a client sending requests with httpClient (its Timeout bounds
// each call) to baseURL (DefaultBaseURL when empty) with the Graph API
// version pinned to version (DefaultVersion when empty). An account's
// BaseURL overrides baseURL.
func New(httpClient *http.Client, baseURL, version string) *Client {
	cfg := httpc.Config{Platform: "facebook", BaseURL: cmp.Or(baseURL, DefaultBaseURL), MaxBody: 1 << 20, Rules: rules}
	return &Client{api: httpc.New(httpClient, cfg), version: cmp.Or(version, DefaultVersion)}
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformFacebook }

// feedURL returns the page's feed endpoint and its token.
func (c *Client) feedURL(a relais.Account) (string, string, error) {
	tok, page := a.Credentials[CredPageToken], a.Credentials[CredPageID]
	if page == "" {
		page = relais.NormalizeHandle(a.Handle)
	}
	if tok == "" || page == "" {
		return "", "", &connectors.Error{Platform: "facebook", Class: connectors.AuthExpired,
			Err: fmt.Errorf("facebook: account %d has no page token or page id: reconnect it", a.ID)}
	}
	return c.api.Base(a) + "/" + c.version + "/" + page + "/feed", tok, nil
}

// Validate implements connectors.Connector: Facebook's text limit (63,206
// characters). Photos (POST /{page-id}/photos) are not supported by this
// connector yet.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	return connectors.TextOnly(d, connectors.TextProblems("facebook", d.Text, textlen.Options{}),
		"the Facebook connector publishes text and links only; remove the media or post them by hand")
}
