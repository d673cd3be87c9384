package bluesky

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"

	lexutil "github.com/bluesky-social/indigo/lex/util"
	"github.com/relais/relais/connectors/httpc"
)

// xrpc is a lexutil.LexClient for one host and one bearer token, so that
// indigo's generated helpers (atproto.RepoCreateRecord, ...) run over the
// connector's own HTTP client and error classification.
type xrpc struct {
	api   *httpc.Client
	host  string
	token string
}

var _ lexutil.LexClient = xrpc{}

// LexDo implements lexutil.LexClient. Failures are *connectors.Error.
func (x xrpc) LexDo(ctx context.Context, method, enc, endpoint string, params map[string]any, body, out any) error {
	r := httpc.Request{Method: method}
	switch v := body.(type) {
	case nil:
	case io.Reader:
		if enc == "" || enc == "*/*" {
			enc = "application/json"
		}
		r.Body, r.Header = v, http.Header{"Content-Type": {enc}}
	default:
		r.JSON = v
	}
	return x.call(ctx, endpoint, query(params), r, out)
}

// call sends r to the XRPC endpoint with the query q and the session's
// token, and decodes the answer into out.
func (x xrpc) call(ctx context.Context, endpoint string, q url.Values, r httpc.Request, out any) error {
	r.URL, r.Op, r.Token = x.host+"/xrpc/"+endpoint, "call "+endpoint, x.token
	if len(q) > 0 {
		r.URL += "?" + q.Encode()
	}
	_, err := x.api.Do(ctx, r, out)
	return err
}

func query(params map[string]any) url.Values {
	q := url.Values{}
	for k, v := range params {
		if s := fmt.Sprint(v); s != "" {
			q.Set(k, s)
		}
	}
	return q
}
