package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testpeer/gotosocial"
)

// bigMastodon is a Mastodon instance that allows 5,000 characters and
// reserves 23 per URL (GET /api/v2/instance, nodeinfo software "mastodon").
func bigMastodon(t *testing.T) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v2/instance":
			w.Write([]byte(`{"domain":"big.example","configuration":{"statuses":{"max_characters":5000,"characters_reserved_per_url":23}}}`))
		case "/.well-known/nodeinfo":
			fmt.Fprintf(w, `{"links":[{"rel":"http://nodeinfo.diaspora.software/ns/schema/2.0","href":"%s/nodeinfo/2.0"}]}`, srv.URL)
		case "/nodeinfo/2.0":
			w.Write([]byte(`{"version":"2.0","software":{"name":"mastodon","version":"4.5.0"}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

var accountAdded = regexp.MustCompile(`account (\d+) added`)

// addMastodon adds a Mastodon-API account on base and returns its id.
func (tm *testMain) addMastodon(handle, base, owner string) int64 {
	out := tm.cli("account", "add", "--platform", "mastodon", "--handle", handle, "--owner", owner, "--base-url", base)
	m := accountAdded.FindStringSubmatch(out)
	require.NotNil(tm.t, m, out)
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

type accountCountJSON struct {
	AccountID int64    `json:"account_id"`
	Platform  string   `json:"platform"`
	Handle    string   `json:"handle"`
	Length    int      `json:"length"`
	Limit     int      `json:"limit"`
	Valid     bool     `json:"valid"`
	Problems  []string `json:"problems"`
	Counting  string   `json:"counting"`
	Text      string   `json:"text"`
}

// TestTextCountPerAccount: the compose page's counter measures the text as
// each selected account's server counts it: a 5,000-character Mastodon
// instance shows 5,000 as the limit (URLs at its reserved 23), a
// GoToSocial server counts every character, links in full; the platform's
// counter follows the most constrained selected account.
func TestTextCountPerAccount(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	big, gts := bigMastodon(t), gotosocial.New(t)
	bigID := tm.addMastodon("anne@big.example", big.URL, "campaign")
	gtsID := tm.addMastodon("anne@gts.example", gts.URL, "campaign")
	cm := tm.member("cm@example.org", "community_manager")

	link := "https://exemple-campagne.fr/agenda/lancement-de-la-campagne-municipale"
	text := strings.Repeat("Rendez-vous place de la République ! ", 100) + link // 3,700 characters before the link
	var out struct {
		Counts   []accountCountJSON `json:"counts"`
		Accounts []accountCountJSON `json:"accounts"`
	}
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", "/api/text/count", map[string]any{
		"text": text, "platforms": []string{"mastodon"}, "account_ids": []int64{bigID, gtsID}}, &out))
	require.Len(t, out.Accounts, 2)
	byID := map[int64]accountCountJSON{}
	for _, a := range out.Accounts {
		byID[a.AccountID] = a
	}
	b, g := byID[bigID], byID[gtsID]
	require.Equal(t, 5000, b.Limit, "the instance's max_characters")
	require.Equal(t, utf8.RuneCountInString(text)-utf8.RuneCountInString(link)+23, b.Length, "a URL counts 23 on Mastodon")
	require.True(t, b.Valid, "%v", b.Problems)
	require.Equal(t, "mastodon", b.Counting)
	require.Equal(t, "anne@big.example", b.Handle)
	require.Equal(t, 5000, g.Limit)
	require.Equal(t, utf8.RuneCountInString(text), g.Length, "GoToSocial counts the link in full")
	require.Equal(t, "runes", g.Counting)

	require.Len(t, out.Counts, 1)
	require.Equal(t, gtsID, out.Counts[0].AccountID, "the platform's counter shows the account with the least room")
	require.Equal(t, g.Length, out.Counts[0].Length)
	require.Equal(t, 5000, out.Counts[0].Limit)

	// Without accounts, the platform's published rules, as before.
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", "/api/text/count", map[string]any{"text": text, "platforms": []string{"mastodon"}}, &out))
	require.Equal(t, 500, out.Counts[0].Limit)
	require.False(t, out.Counts[0].Valid)
	require.Empty(t, out.Accounts)
}

// TestTextCountPerAccountOverLimit: past a GoToSocial server's limit only
// because its links count in full, the account's count is invalid while
// Mastodon's way of counting would have let it through; an account the
// member may not target is refused.
func TestTextCountPerAccountOverLimit(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	gts := gotosocial.New(t)
	gtsID := tm.addMastodon("anne@gts.example", gts.URL, "campaign")
	cm := tm.member("cm@example.org", "community_manager")
	col := tm.member("col@example.org", "colistier")

	link := "https://exemple-campagne.fr/" + strings.Repeat("a", 100)
	text := strings.Repeat("é", 4950) + " " + link // Mastodon's count: 4,976; GoToSocial's: 5,079
	var out struct {
		Accounts []accountCountJSON `json:"accounts"`
	}
	require.Equal(t, http.StatusOK, tm.call(cm, "POST", "/api/text/count", map[string]any{"text": text, "account_ids": []int64{gtsID}}, &out))
	require.Len(t, out.Accounts, 1)
	require.Equal(t, utf8.RuneCountInString(text), out.Accounts[0].Length)
	require.False(t, out.Accounts[0].Valid)
	require.NotEmpty(t, out.Accounts[0].Problems)

	var e apiErr
	require.Equal(t, http.StatusBadRequest, tm.call(col, "POST", "/api/text/count", map[string]any{"text": "x", "account_ids": []int64{gtsID}}, &e))
	require.Equal(t, "account_ids", e.Error.Field)
}

// TestBrowserComposeCountsAccountLimit: on the compose page, selecting an
// account on a 5,000-character Mastodon instance makes the Mastodon
// counter show that instance's limit.
func TestBrowserComposeCountsAccountLimit(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	big := bigMastodon(t)
	tm.addMastodon("anne@big.example", big.URL, "campaign")
	b := newBrowser(t, exe, tm.URL, artifactsDir(t))
	b.login("cm@demo.relais.fr")
	b.open("/compose")
	counter := `document.querySelector("#counters li[data-platform=mastodon] output").textContent`
	b.do(chromedp.SendKeys(chromedp.CSS("#text"), "Réunion publique ce soir"))
	b.waitJS("the platform's limit", counter+` === "24 / 500"`)
	b.do(chromedp.Click(chromedp.CSS(`input[name=target][data-handle="anne@big.example"]`)))
	b.waitJS("the instance's limit", counter+` === "24 / 5000"`)
}

// TestPreviewCountsAsTheAccountsServer: the approver's preview measures
// the text as the target account's server counts it, as the compose
// counter and submit do: a 600-character post on a 5,000-character
// Mastodon instance is within its limit, and a GoToSocial account counts
// its link in full.
func TestPreviewCountsAsTheAccountsServer(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	big, gts := bigMastodon(t), gotosocial.New(t)
	bigID := tm.addMastodon("anne@big.example", big.URL, "campaign")
	gtsID := tm.addMastodon("anne@gts.example", gts.URL, "campaign")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	for _, id := range []int64{bigID, gtsID} { // naked links: the preview shows the destination itself
		require.Equal(t, http.StatusOK, tm.call(editor, "PUT", fmt.Sprintf("/api/accounts/%d/links", id), map[string]any{"tracked": false}, nil))
	}

	link := "https://exemple-campagne.fr/agenda/lancement-de-la-campagne-municipale"
	text := strings.Repeat("Rendez-vous au marché ! ", 25) + link
	var post struct {
		ID int64 `json:"id"`
	}
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", map[string]any{"text": text, "targets": []int64{bigID, gtsID}}, &post))
	var view struct {
		Previews []struct {
			AccountID int64    `json:"account_id"`
			Length    int      `json:"length"`
			Limit     int      `json:"limit"`
			Problems  []string `json:"problems"`
			Counting  string   `json:"counting"`
			Text      string   `json:"text"`
		} `json:"previews"`
	}
	require.Equal(t, http.StatusOK, tm.call(cm, "GET", fmt.Sprintf("/api/posts/%d", post.ID), nil, &view))
	require.Len(t, view.Previews, 2)
	for _, pv := range view.Previews {
		require.Equal(t, 5000, pv.Limit, "account %d: the instance's own limit, not 500", pv.AccountID)
		require.Empty(t, pv.Problems)
		require.Equal(t, text, pv.Text)
		switch pv.AccountID {
		case bigID:
			require.Equal(t, "mastodon", pv.Counting)
			require.Equal(t, utf8.RuneCountInString(text)-utf8.RuneCountInString(link)+23, pv.Length, "a URL counts 23 on Mastodon")
		case gtsID:
			require.Equal(t, "runes", pv.Counting)
			require.Equal(t, utf8.RuneCountInString(text), pv.Length, "GoToSocial counts the link in full")
		default:
			t.Fatalf("unexpected account %d", pv.AccountID)
		}
	}
}
