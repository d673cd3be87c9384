package telegram

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

const token = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"

type fake struct {
	srv   *httptest.Server
	count atomic.Int32
}

func mustFake(t *testing.T, answer func(w http.ResponseWriter, r *http.Request, body []byte)) *fake {
	t.Helper()
	f := &fake{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.count.Add(1)
		body, _ := io.ReadAll(r.Body)
		require.Equal(t, "POST /bot"+token+"/sendMessage", r.Method+" "+r.URL.Path)
		require.Equal(t, "application/json", r.Header.Get("Content-Type"))
		w.Header().Set("Content-Type", "application/json")
		answer(w, r, body)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) account() relais.Account {
	return relais.Account{ID: 5, Platform: relais.PlatformTelegram, Handle: "@avecanne", BaseURL: f.srv.URL,
		Credentials: map[string]string{CredBotToken: token}}
}

func TestPublishEscapesHTML(t *testing.T) {
	t.Parallel()
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
		require.JSONEq(t, `{"chat_id":"@avecanne","text":"Écoles &amp; crèches : 3 &lt; 5 &gt; 2 \"oui\" 🎉 #Paris","parse_mode":"HTML"}`, string(body))
		w.Write([]byte(`{"ok":true,"result":{"message_id":4242,"sender_chat":{"id":-1001234567890,"title":"Avec Anne","username":"avecanne","type":"channel"},"chat":{"id":-1001234567890,"title":"Avec Anne","username":"avecanne","type":"channel"},"date":1772366400,"text":"x"}}`))
	})
	rc, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: `Écoles & crèches : 3 < 5 > 2 "oui" 🎉 #Paris`}, "k")
	require.NoError(t, err)
	require.Equal(t, connectors.Receipt{RemoteID: "-1001234567890/4242", URL: "https://t.me/avecanne/4242"}, rc)
}

func TestPublishErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		class  connectors.Class
		wait   time.Duration
	}{
		{"bad request", 400, `{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: Unsupported start tag \"b\" at byte offset 0"}`, connectors.Permanent, 0},
		{"unauthorized", 401, `{"ok":false,"error_code":401,"description":"Unauthorized"}`, connectors.AuthExpired, 0},
		{"bot kicked", 403, `{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked from the channel chat"}`, connectors.Permanent, 0},
		{"rate limited", 429, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}}`, connectors.RateLimited, 35 * time.Second},
		{"server error", 502, `<html>Bad Gateway</html>`, connectors.OutcomeUnknown, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) {
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
			})
			start := time.Now()
			_, err := New(nil, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
			require.Equal(t, tt.class, connectors.ClassOf(err), err.Error())
			require.NotContains(t, err.Error(), token)
			if tt.wait > 0 {
				require.WithinDuration(t, start.Add(tt.wait), connectors.UntilOf(err), 2*time.Second)
			}
		})
	}
}

func TestTimeoutIsOutcomeUnknownAndHidesToken(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { <-block })
	defer close(block)
	_, err := New(&http.Client{Timeout: 50 * time.Millisecond}, "").Publish(context.Background(), f.account(), connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), err.Error())
	require.NotContains(t, err.Error(), token)
}

func TestConnectionRefusedIsRetryable(t *testing.T) {
	t.Parallel()
	f := mustFake(t, nil)
	a := f.account()
	f.srv.Close()
	_, err := New(nil, "").Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.Equal(t, connectors.Retryable, connectors.ClassOf(err), err.Error())
	require.NotContains(t, err.Error(), token)
}

func TestBadInputSendsNothing(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		draft connectors.Draft
		code  string
	}{
		{"text over 4096", connectors.Draft{Text: strings.Repeat("a", 4097)}, "too_long"},
		{"emoji count twice", connectors.Draft{Text: strings.Repeat("🎉", 2049)}, "too_long"},
		{"media", connectors.Draft{Text: "a", Media: []connectors.Media{{Filename: "a.png", ContentType: "image/png"}}}, "media_unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := mustFake(t, func(w http.ResponseWriter, r *http.Request, body []byte) { t.Error("request sent") })
			_, err := New(nil, "").Publish(context.Background(), f.account(), tt.draft, "k")
			require.Equal(t, connectors.Permanent, connectors.ClassOf(err))
			var p connectors.Problem
			require.ErrorAs(t, err, &p)
			require.Equal(t, tt.code, p.Code)
			require.Zero(t, f.count.Load())
		})
	}
	require.Empty(t, New(nil, "").Validate(connectors.Draft{Text: strings.Repeat("<", 4096)}), "escaping does not count")
}
