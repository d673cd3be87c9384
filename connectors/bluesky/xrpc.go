package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	lexutil "github.com/bluesky-social/indigo/lex/util"
)

// xrpc is a lexutil.LexClient for one host and one bearer token, so that
// indigo's generated helpers (atproto.RepoCreateRecord, ...) run over the
// connector's own HTTP client and error classification.
type xrpc struct {
	http  *http.Client
	host  string
	token string
}

var _ lexutil.LexClient = xrpc{}

// LexDo implements lexutil.LexClient. Failures are *connectors.Error.
func (x xrpc) LexDo(ctx context.Context, method, enc, endpoint string, params map[string]any, body, out any) error {
	r, err := encodeBody(body)
	if err != nil {
		return err
	}
	u := x.host + "/xrpc/" + endpoint
	if q := query(params); q != "" {
		u += "?" + q
	}
	req, err := http.NewRequestWithContext(ctx, method, u, r)
	if err != nil {
		return fmt.Errorf("bluesky: unable to build request: %w", err)
	}
	if r != nil {
		if enc == "" || enc == "*/*" {
			enc = "application/json"
		}
		req.Header.Set("Content-Type", enc)
	}
	if x.token != "" {
		req.Header.Set("Authorization", "Bearer "+x.token)
	}
	return x.do(req, endpoint, out)
}

func (x xrpc) do(req *http.Request, endpoint string, out any) error {
	res, err := x.http.Do(req)
	if err != nil {
		return transportError(endpoint, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return transportError(endpoint, err)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return classify(endpoint, res, b)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return transportError(endpoint, fmt.Errorf("bad answer: %w", err))
	}
	return nil
}

func encodeBody(body any) (io.Reader, error) {
	switch v := body.(type) {
	case nil:
		return nil, nil
	case io.Reader:
		return v, nil
	}
	b, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("bluesky: unable to encode request: %w", err)
	}
	return bytes.NewReader(b), nil
}

func query(params map[string]any) string {
	q := url.Values{}
	for k, v := range params {
		if s := fmt.Sprint(v); s != "" {
			q.Set(k, s)
		}
	}
	return q.Encode()
}
