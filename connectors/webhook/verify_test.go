package webhook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/relais/relais"
	"github.com/stretchr/testify/require"
)

// TestVerifyReadsWithoutPosting checks the webhook with a GET, which
// posts nothing. The fake answers as the services do: Slack's incoming
// webhooks refuse a GET with 400 "invalid_payload"
// (api.slack.com/messaging/webhooks#handling_errors) and a revoked one with
// 404 "no_service"/403; Discord's GET /webhooks/{id}/{token} returns the
// webhook object, 401/404 once deleted
// (discord.com/developers/docs/resources/webhook#get-webhook-with-token);
// Mattermost answers 405 to a GET on /hooks/{id}
// (developers.mattermost.com/integrate/webhooks/incoming/).
func TestVerifyReadsWithoutPosting(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, http.MethodGet, r.Method, "verification never posts")
		switch r.URL.Path {
		case "/slack":
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte("invalid_payload"))
		case "/discord":
			w.Write([]byte(`{"id":"1","type":1,"name":"relais"}`))
		case "/mattermost":
			w.WriteHeader(http.StatusMethodNotAllowed)
		case "/revoked":
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte("no_service"))
		default:
			w.WriteHeader(http.StatusBadGateway)
		}
	}))
	defer srv.Close()
	check := func(kind, path string) error {
		a := relais.Account{Platform: relais.PlatformWebhook, Handle: "equipe",
			Credentials: map[string]string{CredURL: srv.URL + path, CredKind: kind}}
		return New(nil).Verify(context.Background(), a)
	}
	require.NoError(t, check(KindSlack, "/slack"))
	require.NoError(t, check(KindDiscord, "/discord"))
	require.NoError(t, check(KindMattermost, "/mattermost"))
	require.Error(t, check(KindSlack, "/revoked"))
	require.Error(t, check(KindDiscord, "/down"))
	require.ErrorContains(t, check("irc", "/slack"), "unknown kind")
}
