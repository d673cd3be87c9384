package webhook

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

type fake struct {
	srv   *httptest.Server
	count atomic.Int32
}

func mustFake(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, body []byte)) *fake {
	t.Helper()
	f := &fake{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.count.Add(1)
		require.Equal(t, http.MethodPost, r.Method)
		require.Equal(t, "application/json", r.Header.Get("Content-Type"))
		body, _ := io.ReadAll(r.Body)
		answer(w, r, body)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) account(kind, path string) relais.Account {
	return relais.Account{ID: 11, Platform: relais.PlatformWebhook, Handle: "#equipe-web",
		Credentials: map[string]string{CredURL: f.srv.URL + path, CredKind: kind}}
}

func TestPublishPerKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind, path, wantPath, wantQuery, wantBody, answer, id string
	}{
		{KindSlack, "/services/T000/B000/XXXX", "/services/T000/B000/XXXX", "", `{"text":"Nouveau post à valider 🚀"}`, "ok", ""},
		{KindMattermost, "/hooks/xxx-generatedkey-xxx", "/hooks/xxx-generatedkey-xxx", "", `{"text":"Nouveau post à valider 🚀"}`, "ok", ""},
		{KindDiscord, "/api/webhooks/123/tok", "/api/webhooks/123/tok", "wait=true", `{"content":"Nouveau post à valider 🚀"}`,
			`{"id":"1234567890123456789","type":0,"content":"Nouveau post à valider 🚀","channel_id":"42"}`, "1234567890123456789"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
				require.Equal(t, tt.wantPath, r.URL.Path)
				require.Equal(t, tt.wantQuery, r.URL.RawQuery)
				require.JSONEq(t, tt.wantBody, string(body))
				w.Write([]byte(tt.answer))
			})
			rc, err := New(nil).Publish(context.Background(), f.account(tt.kind, tt.path), connectors.Draft{Text: "Nouveau post à valider 🚀"}, "k")
			require.NoError(t, err)
			require.Equal(t, tt.id, rc.RemoteID)
		})
	}
}

func TestPublishErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, kind string
		status     int
		header     map[string]string
		body       string
		class      connectors.Class
		wait       time.Duration
	}{
		{"discord rate limit", KindDiscord, 429, map[string]string{"Retry-After": "65"}, `{"message":"You are being rate limited.","retry_after":64.57,"global":false}`, connectors.RateLimited, 64570 * time.Millisecond},
		{"slack rate limit", KindSlack, 429, map[string]string{"Retry-After": "30"}, `rate_limited`, connectors.RateLimited, 30 * time.Second},
		{"slack bad payload", KindSlack, 400, nil, `invalid_payload`, connectors.Permanent, 0},
		{"slack revoked", KindSlack, 404, nil, `no_service`, connectors.AuthExpired, 0},
		{"discord unknown webhook", KindDiscord, 404, nil, `{"message":"Unknown Webhook","code":10015}`, connectors.AuthExpired, 0},
		{"mattermost server error", KindMattermost, 500, nil, `{"id":"web.incoming_webhook.error","message":"Unable to create post","status_code":500}`, connectors.OutcomeUnknown, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			})
			start := time.Now()
			_, err := New(nil).Publish(context.Background(), f.account(tt.kind, "/hook/secret-path"), connectors.Draft{Text: "Bonjour"}, "k")
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			require.NotContains(t, err.Error(), "secret-path")
			if tt.wait > 0 {
				require.WithinDuration(t, start.Add(tt.wait), connectors.UntilOf(err), 2*time.Second)
			}
		})
	}
}

func TestTimeoutIsOutcomeUnknownAndHidesURL(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { <-block })
	defer close(block)
	_, err := New(&http.Client{Timeout: 50 * time.Millisecond}).Publish(context.Background(), f.account(KindSlack, "/secret-path"), connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), err.Error())
	require.NotContains(t, err.Error(), "secret-path")
}

func TestBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { t.Error("request sent") })
	cases := []struct {
		a relais.Account
		d connectors.Draft
	}{
		{f.account(KindDiscord, "/x"), connectors.Draft{Text: strings.Repeat("é", 2001)}},
		{f.account(KindSlack, "/x"), connectors.Draft{Text: ""}},
		{f.account(KindSlack, "/x"), connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.png"}}}},
		{f.account("teams", "/x"), connectors.Draft{Text: "a"}},
	}
	for _, c := range cases {
		_, err := New(nil).Publish(context.Background(), c.a, c.d, "k")
		require.Equal(t, connectors.Permanent, connectors.ClassOf(err), err.Error())
	}
	require.Zero(t, f.count.Load())
}
