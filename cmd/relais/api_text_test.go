package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// apiPostText is what TestAPIReadsCodedTextsPerCaller reads of a post.
type apiPostText struct {
	Deliveries []struct {
		Error        string `json:"error"`
		ErrorMessage string `json:"error_message"`
		State        string `json:"state"`
	} `json:"deliveries"`
	History []struct {
		Action     string `json:"action"`
		Detail     string `json:"detail"`
		ActionText string `json:"action_text"`
		DetailText string `json:"detail_text"`
	} `json:"history"`
}

// demoPostIn returns the ID of the demo's first post in state.
func demoPostIn(t *testing.T, tm *testMain, tok, state string) int64 {
	var id int64
	require.Eventually(t, func() bool {
		var ps struct {
			Posts []struct {
				ID int64 `json:"id"`
			} `json:"posts"`
		}
		require.Equal(t, 200, tm.call(tok, "GET", "/api/posts?state="+state, nil, &ps))
		if len(ps.Posts) > 0 {
			id = ps.Posts[0].ID
		}
		return id != 0
	}, time.Minute, 100*time.Millisecond, "the demo seeds a post in state %s", state)
	return id
}

// getPost reads post id through the API with query (e.g. "?lang=en").
func getPost(t *testing.T, tm *testMain, tok string, id int64, query string) apiPostText {
	var out apiPostText
	require.Equal(t, http.StatusOK, tm.call(tok, "GET", fmt.Sprintf("/api/posts/%d%s", id, query), nil, &out))
	return out
}

// invitedEnglishEditor invites an editor whose language is English and
// returns her signed-in session.
func invitedEnglishEditor(t *testing.T, tm *testMain) *session {
	admin := tm.cli("user", "token", "--email", "admin@demo.relais.fr")
	var inv struct{ Link string }
	require.Equal(t, http.StatusCreated, tm.call(admin, "POST", "/api/invitations",
		`{"email":"jo@example.org","name":"Jo","role":"editor","lang":"en"}`, &inv))
	path := regexp.MustCompile(`/invite/\S+$`).FindString(inv.Link)
	require.NotEmpty(t, path, inv.Link)
	jar, _ := cookiejar.New(nil)
	s := &session{t: t, tm: tm, c: &http.Client{Jar: jar}}
	status, body := s.post(path, url.Values{"password": {"un-long-mot-de-passe"}, "confirm": {"un-long-mot-de-passe"}})
	require.Equal(t, http.StatusOK, status, body)
	return s
}

// TestAPIReadsCodedTextsPerCaller: the API keeps the demo's coded
// delivery error in "error" and adds "error_message" in the caller's
// language (Accept-Language, or ?lang); history entries keep their
// stored action and detail and add them read for the caller, accounts
// named by platform and handle; the held-deliveries list does the same.
func TestAPIReadsCodedTextsPerCaller(t *testing.T) {
	t.Parallel()
	tm := mustRunDemoWith(t, func(m *Main) { m.Demo = true })
	tok := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	id := demoPostIn(t, tm, tok, "outcome_unknown")
	fr := [2]string{"délai dépassé en attendant la réponse de la plateforme", "démo : une diffusion dont l'issue est inconnue"}
	en := [2]string{"timeout waiting for the platform's answer", "demo: a delivery whose outcome is unknown"}
	var jo apiPostText
	_, body := invitedEnglishEditor(t, tm).get(fmt.Sprintf("/api/posts/%d", id))
	require.NoError(t, json.Unmarshal([]byte(body), &jo), body)
	for _, c := range []struct {
		who  string
		p    apiPostText
		want [2]string
	}{
		{"a French member", getPost(t, tm, tok, id, ""), fr},
		{"?lang=en", getPost(t, tm, tok, id, "?lang=en"), en},
		{"an English member", jo, en},
	} {
		require.Len(t, c.p.Deliveries, 1, c.who)
		require.Equal(t, "@delivery.timeout", c.p.Deliveries[0].Error, "the machine field keeps the code")
		require.Equal(t, c.want[0], c.p.Deliveries[0].ErrorMessage, c.who)
		last := c.p.History[len(c.p.History)-1]
		require.Equal(t, "@history.demo_unknown", last.Detail, c.who)
		require.Equal(t, c.want[1], last.DetailText, c.who)
	}
	var held struct {
		Deliveries []struct {
			Error        string `json:"error"`
			ErrorMessage string `json:"error_message"`
		} `json:"deliveries"`
	}
	require.Equal(t, 200, tm.call(tok, "GET", "/api/deliveries?state=outcome_unknown&lang=en", nil, &held))
	require.Len(t, held.Deliveries, 1)
	require.Equal(t, "@delivery.timeout", held.Deliveries[0].Error)
	require.Equal(t, "timeout waiting for the platform's answer", held.Deliveries[0].ErrorMessage)

	pubID := demoPostIn(t, tm, tok, "published")
	for lang, want := range map[string]string{"fr": `^X @avecanne : publié http://\S+/sandbox/\d+$`, "en": `^X @avecanne: published http://\S+/sandbox/\d+$`} {
		var line string
		for _, h := range getPost(t, tm, tok, pubID, "?lang="+lang).History {
			if h.Action == "delivery.published" {
				require.Regexp(t, `^@history.delivery\?account=\d+&`, h.Detail, "the machine field keeps the code")
				line = h.DetailText
			}
		}
		require.Regexp(t, want, line, "the delivery names its account by platform and handle (%s)", lang)
	}
}
