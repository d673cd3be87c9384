package mastodon

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/internal/testpeer/gotosocial"
	"github.com/stretchr/testify/require"
)

// gtsAccount is an account on the GoToSocial double (internal/testpeer/gotosocial,
// whose behaviours each cite GoToSocial's documentation).
func gtsAccount(f *gotosocial.Fake) relais.Account {
	return relais.Account{ID: 9, Platform: relais.PlatformMastodon, Handle: "@anne@gts.example",
		BaseURL: f.URL, Credentials: map[string]string{CredAccessToken: gotosocial.Token}}
}

// TestGoToSocialLostAnswerNoDuplicate loses the answer to POST
// /api/v1/statuses on a server that ignores Idempotency-Key, on a reused
// keep-alive connection and on a fresh one. net/http must not re-send the
// POST by itself (it would on the reused connection: Request.isReplayable
// trusts the Idempotency-Key header), and Publish finds the status among
// the account's own: one status. When the listing fails too, the outcome
// is unknown, still one status.
func TestGoToSocialLostAnswerNoDuplicate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		keepAlive bool
	}{{"reused connection", true}, {"fresh connection", false}} {
		t.Run(tc.name, func(t *testing.T) {
			hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: !tc.keepAlive}}
			d := connectors.Draft{Text: "Réunion publique\nce soir à 19 h", Language: "fr"}

			f := gotosocial.New(t)
			f.DropReplies = 1
			c := New(hc, "", "")
			rc, err := c.Publish(context.Background(), gtsAccount(f), d, "k-1")
			require.NoError(t, err, "found among the account's statuses")
			require.Equal(t, "01ST01", rc.RemoteID)
			require.Equal(t, []bool{tc.keepAlive}, f.DroppedOnReused())
			posts, sts := f.Count()
			require.Equal(t, 1, posts, "the POST was sent once")
			require.Equal(t, 1, sts)
			require.False(t, c.HonoursKeyFor(context.Background(), gtsAccount(f)), "GoToSocial is not trusted with the key")

			f = gotosocial.New(t)
			f.DropReplies, f.FailList = 1, true
			_, err = New(hc, "", "").Publish(context.Background(), gtsAccount(f), d, "k-2")
			require.Equal(t, connectors.OutcomeUnknown, connectors.ClassOf(err), "%v", err)
			posts, _ = f.Count()
			require.Equal(t, 1, posts)
		})
	}
}

// TestLookupDraftMatchesTextAndTime: a status is recognised by its text
// (however the server laid out its HTML) and only when created since the
// attempt (with two minutes of clock slack).
func TestLookupDraftMatchesTextAndTime(t *testing.T) {
	f := gotosocial.New(t)
	f.AddStatus(gotosocial.Status{ID: "old", Content: "<p>Bonjour Paris</p>", CreatedAt: time.Now().Add(-time.Hour)})
	f.AddStatus(gotosocial.Status{ID: "other", Content: "<p>Autre chose</p>", CreatedAt: time.Now()})
	f.AddStatus(gotosocial.Status{ID: "new", Content: "<p>Bonjour<br />Paris &amp; <a href=\"https://paris.fr/\"><span class=\"invisible\">https://</span><span>paris.fr/</span></a></p>", CreatedAt: time.Now()})
	c := New(nil, "", "")
	rc, found, err := c.LookupDraft(context.Background(), gtsAccount(f), connectors.Draft{Text: "Bonjour\nParis & https://paris.fr/"}, "k", time.Now().Add(-time.Minute))
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, "new", rc.RemoteID)
	_, found, err = c.LookupDraft(context.Background(), gtsAccount(f), connectors.Draft{Text: "Bonjour Paris"}, "k", time.Now().Add(-time.Minute))
	require.NoError(t, err)
	require.False(t, found, "the only match is older than the attempt")
}

// TestLimitsCountAsTheServerCounts: the account's own instance sets the
// limit (5,000 on this GoToSocial, 1,000 on the Mastodon fake), and each
// server's way of counting applies: GoToSocial counts links in full,
// Mastodon as 23; a server of unknown software is held to the stricter.
func TestLimitsCountAsTheServerCounts(t *testing.T) {
	gts, mas := gotosocial.New(t), mustFake(t, nil)
	c := New(nil, "", "")
	long := strings.Repeat("a", 4000)
	probs, err := c.ValidateFor(context.Background(), gtsAccount(gts), connectors.Draft{Text: long})
	require.NoError(t, err)
	require.Empty(t, probs, "4,000 characters fit this GoToSocial's 5,000 (the default instance says 500)")
	require.NotEmpty(t, c.Validate(connectors.Draft{Text: long}))

	link := "https://exemple.fr/" + strings.Repeat("x", 200)
	text := strings.Repeat("a", 4900) + " " + link // 5,120 runes; 4,925 with the link as 25
	probs, err = c.ValidateFor(context.Background(), gtsAccount(gts), connectors.Draft{Text: text})
	require.NoError(t, err)
	require.Len(t, probs, 1, "GoToSocial counts the link in full")
	require.Equal(t, "too_long", probs[0].Code)

	text = strings.Repeat("a", 900) + " " + link // 1,101 runes; 924 with the link as 23
	probs, err = c.ValidateFor(context.Background(), mas.account(), connectors.Draft{Text: text})
	require.NoError(t, err)
	require.Empty(t, probs, "Mastodon counts the link as 23")
	in := DefaultInstance
	in.MaxChars = 1000
	require.NotEmpty(t, textProblems(in, text), "unknown software: the stricter count")
}

// TestHonoursKeyForAsksAfterRestart: a process that has cached nothing of
// an account's server (the first attempt after a restart, reconciling a
// delivery the killed process left publishing) asks the server which
// software it runs before answering, instead of distrusting Mastodon
// itself and ending the delivery in outcome_unknown; a server that does
// not say is still not trusted.
func TestHonoursKeyForAsksAfterRestart(t *testing.T) {
	f := mustFake(t, nil)
	a := relais.Account{ID: 7, Platform: relais.PlatformMastodon, Handle: "anne@mastodon.example", BaseURL: f.srv.URL}
	require.True(t, New(f.srv.Client(), "", "").HonoursKeyFor(context.Background(), a), "a fresh client asks the server")

	f.software = "gotosocial"
	require.False(t, New(f.srv.Client(), "", "").HonoursKeyFor(context.Background(), a))

	down := relais.Account{ID: 8, Platform: relais.PlatformMastodon, Handle: "anne@down.example", BaseURL: "http://127.0.0.1:1"}
	require.False(t, New(nil, "", "").HonoursKeyFor(context.Background(), down), "a server that cannot say is not trusted")
}
