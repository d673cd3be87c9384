package platforms

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/outbound"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/connectors/telegram"
	"github.com/stretchr/testify/require"
)

func TestDefaultRegistersEveryPlatform(t *testing.T) {
	t.Parallel()
	sb, err := sandbox.New("", "http://127.0.0.1")
	require.NoError(t, err)
	reg := Default(Options{Sandbox: sb})
	for _, p := range []relais.Platform{relais.PlatformSandbox, relais.PlatformX, relais.PlatformBluesky, relais.PlatformMastodon,
		relais.PlatformFacebook, relais.PlatformTelegram, relais.PlatformWebhook, relais.PlatformEmail} {
		c, err := reg.Get(p)
		require.NoError(t, err, p)
		require.Equal(t, p, c.Platform())
	}
	_, err = reg.Get(relais.PlatformIntent)
	require.Error(t, err, "share links are not published: use package intent")
}

func TestBaseURLOverride(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "/botT/sendMessage", r.URL.Path)
		w.Write([]byte(`{"ok":true,"result":{"message_id":1,"chat":{"id":-1,"username":"equipe"}}}`))
	}))
	defer srv.Close()
	a := relais.Account{Handle: "@equipe", Credentials: map[string]string{telegram.CredBotToken: "T"}}
	guarded, err := Default(Options{BaseURLs: map[relais.Platform]string{relais.PlatformTelegram: srv.URL}}).Get(relais.PlatformTelegram)
	require.NoError(t, err)
	_, err = guarded.Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.ErrorIs(t, err, outbound.ErrBlocked, "the default client refuses loopback")

	reg := Default(Options{BaseURLs: map[relais.Platform]string{relais.PlatformTelegram: srv.URL}, AllowPrivateNetworks: true})
	c, err := reg.Get(relais.PlatformTelegram)
	require.NoError(t, err)
	rc, err := c.Publish(context.Background(), a, connectors.Draft{Text: "Bonjour"}, "k")
	require.NoError(t, err)
	require.Equal(t, "https://t.me/equipe/1", rc.URL)
}

func TestRetrySafety(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	require.True(t, connectors.HonoursKey(s.Mastodon))
	require.True(t, connectors.HonoursKey(s.Bluesky))
	for _, c := range []connectors.Connector{s.X, s.Facebook, s.Telegram, s.Webhook, s.Email} {
		require.False(t, connectors.HonoursKey(c), c.Platform())
	}
}
