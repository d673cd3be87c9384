// Package httpc is the HTTP client every platform package calls its
// platform with, so that a platform package holds its own logic only:
// endpoints, payloads and what its error answers mean.
//
// A Client, configured once per platform (Config), brings:
//
//   - the base URL (an account's BaseURL wins: Client.Base);
//   - the User-Agent header and a bound on the answer read (MaxBody);
//   - JSON requests and answers (Request.JSON, Do's out), form requests
//     (Request.Form), a bearer token;
//   - no automatic replay of a publishing request: every client is wrapped
//     by outbound.NoReplay, which sends a request with a body without
//     GetBody, so net/http never re-sends it on a new connection by itself;
//   - the classification of failures into *connectors.Error (Classify,
//     TransportError): 429 rate limited until the platform says, 401 auth
//     revoked, 5xx retryable or, after a publishing request whose retry could
//     post twice, outcome unknown, other statuses permanent; each platform
//     supplies its specifics in Rules.
//
// The *http.Client a Client sends with decides where it may connect: in
// production it is outbound.NewClient (built by connectors/platforms), which
// checks every dialled address (no loopback, private or metadata address
// unless private networks are allowed); the URLs a user sets are checked
// when saved by connectors.CheckAccountURLs.
package httpc

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/outbound"
)

// Defaults of Config.
const (
	DefaultUserAgent = "relais"
	DefaultMaxBody   = 4 << 20
)

// Config is one platform's use of HTTP.
type Config struct {
	Platform  string // names errors: "x", "bluesky"...
	BaseURL   string // the platform's host, when accounts have no BaseURL
	UserAgent string // DefaultUserAgent when empty
	MaxBody   int64  // bytes of an answer read at most; DefaultMaxBody when zero

	// KeyedRetry says a publishing request may be sent again without
	// posting twice (Mastodon's Idempotency-Key, Bluesky's record key):
	// its lost answers and 5xx are then Retryable, not OutcomeUnknown.
	KeyedRetry bool

	Rules Rules // how the platform's error answers read
}

// Client calls one platform. It is safe for concurrent use.
type Client struct {
	cfg  Config
	http *http.Client
}

// New returns a client for cfg sending with hc (http.DefaultClient when
// nil; its Timeout bounds each call), wrapped so that it never replays a
// request with a body (outbound.NoReplay).
func New(hc *http.Client, cfg Config) *Client {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	return &Client{cfg: cfg, http: outbound.NoReplay(hc)}
}

// HTTP returns the client requests are sent with, for wrapping (X signs
// requests with OAuth 1.0a over it: see Request.Client).
func (c *Client) HTTP() *http.Client { return c.http }

// Base returns a's BaseURL without trailing slash, else the configured one.
func (c *Client) Base(a relais.Account) string {
	if a.BaseURL != "" {
		return strings.TrimRight(a.BaseURL, "/")
	}
	return c.cfg.BaseURL
}

// Request is one call to the platform.
type Request struct {
	Method  string      // GET when empty
	URL     string      // absolute
	Op      string      // what the call does, for errors: "create post"
	Creates bool        // the call publishes: a lost answer may hide a post
	Token   string      // sent as "Authorization: Bearer <Token>" when set
	JSON    any         // sent as the JSON body when not nil
	Form    url.Values  // sent as a form body when not nil (and JSON is)
	Body    io.Reader   // sent as the body when JSON and Form are nil
	Header  http.Header // more headers (Content-Type of Body, Idempotency-Key...)
	Length  int64       // Body's length when net/http cannot tell it (a file section)

	// Client sends the request instead of HTTP(); it must wrap HTTP()'s
	// transport, so that the no-replay guarantee holds.
	Client *http.Client
}

// Answer is what the platform answered: status, headers and the body, read
// up to MaxBody bytes.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends r and, for a 2xx answer, decodes its JSON body into out (unless
// out is nil). Every failure is a *connectors.Error: TransportError when
// no answer came, Classify for any other status, and a 2xx body that is
// not the expected JSON as a lost answer.
func (c *Client) Do(ctx context.Context, r Request, out any) (Answer, error) {
	req, err := c.Build(ctx, r)
	if err != nil {
		return Answer{}, err
	}
	ans, err := c.Send(req, r.Client)
	if err != nil {
		return ans, c.TransportError(r.Op, r.Creates, err)
	}
	if ans.Status < 200 || ans.Status > 299 {
		return ans, c.Classify(r.Op, r.Creates, ans)
	}
	if out != nil {
		if err := json.Unmarshal(ans.Body, out); err != nil {
			return ans, c.BadAnswer(r.Op, r.Creates, ans.Status, err)
		}
	}
	return ans, nil
}

// Build turns r into an HTTP request, for Send.
func (c *Client) Build(ctx context.Context, r Request) (*http.Request, error) {
	body, err := c.body(r)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, cmp.Or(r.Method, http.MethodGet), r.URL, body)
	if err != nil {
		return nil, &connectors.Error{Platform: c.cfg.Platform, Class: connectors.Permanent,
			Err: fmt.Errorf("%s: unable to build request: bad URL", c.cfg.Platform)}
	}
	if r.Length > 0 {
		req.ContentLength = r.Length
	}
	for k, vs := range r.Header {
		req.Header[k] = vs
	}
	if r.JSON != nil {
		req.Header.Set("Content-Type", "application/json")
	} else if r.Form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if r.Token != "" {
		req.Header.Set("Authorization", "Bearer "+r.Token)
	}
	return req, nil
}

// body is r's JSON encoded, its Form encoded, or its raw Body.
func (c *Client) body(r Request) (io.Reader, error) {
	if r.JSON == nil && r.Form != nil {
		return strings.NewReader(r.Form.Encode()), nil
	}
	if r.JSON == nil {
		return r.Body, nil
	}
	b, err := json.Marshal(r.JSON)
	if err != nil {
		return nil, fmt.Errorf("%s: unable to encode request: %w", c.cfg.Platform, err)
	}
	return bytes.NewReader(b), nil
}

// Send sends req with hc (HTTP() when nil) and the User-Agent, and reads
// the answer up to MaxBody bytes. Its error is net/http's: packages with
// errors of their own (videoup, relaying) map it themselves.
func (c *Client) Send(req *http.Request, hc *http.Client) (Answer, error) {
	if hc == nil {
		hc = c.http
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	res, err := hc.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, c.cfg.MaxBody))
	if err != nil {
		return Answer{}, err
	}
	return Answer{Status: res.StatusCode, Header: res.Header, Body: b}, nil
}
