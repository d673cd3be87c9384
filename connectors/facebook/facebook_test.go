package facebook

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

const pageToken = "EAAGm0PX4ZCpsBAPageToken"

type fake struct {
	srv   *httptest.Server
	count atomic.Int32
}

func mustFake(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, form url.Values)) *fake {
	t.Helper()
	f := &fake{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.count.Add(1)
		require.Equal(t, "POST /v26.0/104857600000001/feed", r.Method+" "+r.URL.Path)
		require.Empty(t, r.URL.RawQuery, "nothing, and no token, in the URL")
		require.Equal(t, "application/x-www-form-urlencoded", r.Header.Get("Content-Type"))
		body, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(body))
		require.NoError(t, err)
		require.Equal(t, pageToken, form.Get("access_token"))
		w.Header().Set("Content-Type", "application/json")
		answer(w, r, form)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) account() relais.Account {
	return relais.Account{ID: 9, Platform: relais.PlatformFacebook, Handle: "AvecAnne", BaseURL: f.srv.URL,
		Credentials: map[string]string{CredPageToken: pageToken, CredPageID: "104857600000001"}}
}

func TestPublish(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, form url.Values) {
		require.Equal(t, "Réunion publique & débat ce soir #Paris", form.Get("message"))
		require.Equal(t, "https://avec-anne.fr/r/abc", form.Get("link"))
		w.Write([]byte(`{"id":"104857600000001_987654321"}`))
	})
	rc, err := New(nil, "", "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Réunion publique & débat ce soir #Paris", Link: "https://avec-anne.fr/r/abc"}, "k")
	require.NoError(t, err)
	require.Equal(t, connectors.Receipt{RemoteID: "104857600000001_987654321", URL: "https://www.facebook.com/104857600000001_987654321"}, rc)
}

func TestPublishErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		header string
		body   string
		class  connectors.Class
		dup    bool
		wait   time.Duration
	}{
		{"token expired", 400, "", `{"error":{"message":"Error validating access token: Session has expired on Sunday, 01-Mar-26 10:00:00 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"A1b2C3"}}`, connectors.AuthExpired, false, 0},
		{"invalid parameter", 400, "", `{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"A1b2C3"}}`, connectors.Permanent, false, 0},
		{"page rate limit", 400, `{"104857600000001":[{"type":"pages","call_count":100,"total_cputime":12,"total_time":14,"estimated_time_to_regain_access":12}]}`,
			`{"error":{"message":"(#32) Page request limit reached","type":"OAuthException","code":32,"fbtrace_id":"A1b2C3"}}`, connectors.RateLimited, false, 12 * time.Minute},
		{"app rate limit", 403, "", `{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,"is_transient":true,"fbtrace_id":"A1b2C3"}}`, connectors.RateLimited, false, time.Hour},
		{"duplicate", 400, "", `{"error":{"message":"Duplicate status message","type":"OAuthException","code":506,"error_subcode":1455006,"fbtrace_id":"A1b2C3"}}`, connectors.OutcomeUnknown, true, 0},
		{"blocked", 400, "", `{"error":{"message":"It looks like you were misusing this feature by going too fast. You've been temporarily blocked from using it.","type":"OAuthException","code":368,"fbtrace_id":"A1b2C3"}}`, connectors.Permanent, false, 0},
		{"server error after POST", 500, "", `{"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1,"fbtrace_id":"A1b2C3"}}`, connectors.OutcomeUnknown, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, form url.Values) {
				if tt.header != "" {
					w.Header().Set("X-Business-Use-Case-Usage", tt.header)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			})
			start := time.Now()
			_, err := New(nil, "", "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			require.Equal(t, tt.dup, IsDuplicate(err))
			require.NotContains(t, err.Error(), pageToken)
			if tt.wait > 0 {
				require.WithinDuration(t, start.Add(tt.wait), connectors.UntilOf(err), 5*time.Second)
			}
		})
	}
}

func TestTimeoutIsOutcomeUnknown(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, form url.Values) { <-block })
	defer close(block)
	_, err := New(&http.Client{Timeout: 50 * time.Millisecond}, "", "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), err.Error())
}

func TestBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, form url.Values) { t.Error("request sent") })
	for _, d := range []connectors.Draft{
		{Text: strings.Repeat("a", 63207)},
		{Text: "a", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png"}}},
		{Text: "  "},
	} {
		_, err := New(nil, "", "").Publish(context.Background(), f.account(), d, "k")
		require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
	}
	require.Zero(t, f.count.Load())
	a := f.account()
	a.Credentials = nil
	_, err := New(nil, "", "").Publish(context.Background(), a, connectors.Draft{Text: "a"}, "k")
	require.Equal(t, connectors.AuthExpired, connectors.ClassOf(err))
}

func TestLookupCannotFind(t *testing.T) {
	t.Parallel()
	_, found, err := New(nil, "", "").Lookup(context.Background(), relais.Account{}, "k")
	require.NoError(t, err)
	require.False(t, found)
}
