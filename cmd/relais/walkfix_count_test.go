package main

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPostPageCountsLinksAsCompose: the post page's X preview, whose
// text carries the tracked short link (on this test's 127.0.0.1 host),
// counts as many characters as the compose counter counts for the text
// as written: each link weighs X's 23.
func TestPostPageCountsLinksAsCompose(t *testing.T) {
	tm := mustRunDemo(t)
	tok := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	text := "Tout le programme logement en ligne : https://www.exemple-campagne.fr/programme/logement-et-transports"
	var p postJSON
	require.Equal(t, 201, tm.call(tok, "POST", "/api/posts", map[string]any{"text": text, "targets": []string{"@avecanne"}}, &p))
	var counts struct {
		Counts []struct {
			Platform string `json:"platform"`
			Length   int    `json:"length"`
		} `json:"counts"`
	}
	require.Equal(t, 200, tm.call(tok, "POST", "/api/text/count", map[string]any{"text": text, "platforms": []string{"x"}}, &counts))
	require.Equal(t, 38+23, counts.Counts[0].Length, "compose: the link weighs 23")
	cm := tm.signIn(t, "cm@demo.relais.fr")
	for _, lang := range []string{"fr", "en"} {
		_, body := cm.get(fmt.Sprintf("/posts/%d?lang=%s", p.ID, lang))
		require.Regexp(t, `/l/[A-Za-z0-9]+`, body, "the preview carries the tracked link")
		foot := regexp.MustCompile(`(?s)data-platform="x".*?class="pv-foot[^"]*">([0-9]+) / 280`).FindStringSubmatch(body)
		require.NotNil(t, foot, body)
		require.Equal(t, fmt.Sprint(counts.Counts[0].Length), foot[1])
	}
}
