package main

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestInboxKeepsRefusedEdit: when her account's tone rules refuse the
// text a colistier edited, her inbox shows why in its language only and
// keeps what she typed in the form.
func TestInboxKeepsRefusedEdit(t *testing.T) {
	tm := mustRunDemo(t)
	cmTok, webTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr"), tm.cli("user", "token", "--email", "web@demo.relais.fr")
	colTok := tm.cli("user", "token", "--email", "colistier-11e@demo.relais.fr")
	var p postJSON
	require.Equal(t, http.StatusCreated, tm.call(cmTok, "POST", "/api/posts", map[string]any{"text": "Merci au marché du 11e ce matin !", "targets": []string{"@avecanne"}}, &p))
	require.Equal(t, http.StatusOK, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID), map[string]any{"content_hash": p.ContentHash}, &p))
	var sg int64
	for end := time.Now().Add(30 * time.Second); sg == 0 && time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		var in struct {
			Suggestions []struct {
				ID     int64 `json:"id"`
				PostID int64 `json:"post_id"`
			}
		}
		require.Equal(t, http.StatusOK, tm.call(colTok, "GET", "/api/suggestions", nil, &in))
		for _, s := range in.Suggestions {
			if s.PostID == p.ID {
				sg = s.ID
			}
		}
	}
	require.NotZero(t, sg, "the colistier's suggestion")
	col := tm.signIn(t, "colistier-11e@demo.relais.fr")
	edited := "Le bilan de Bernard Lacombe est désastreux pour le 11e, merci au marché !"
	for _, c := range []struct{ lang, want, other string }{
		{"fr", "Les règles de ton de votre compte bloquent ce texte : reformulez-le.", "rephrase"},
		{"en", "Your account's tone rules block this text: rephrase it.", "reformulez"},
	} {
		status, body := col.post(fmt.Sprintf("/inbox/%d?lang=%s", sg, c.lang), url.Values{"action": {"shared"}, "text": {edited}, "via": {"x"}})
		require.Equal(t, http.StatusUnprocessableEntity, status, body)
		body = html.UnescapeString(body)
		require.Contains(t, body, c.want)
		require.NotContains(t, body, c.other, "in one language only")
		require.Contains(t, body, ">"+edited+"</textarea>", "her text is kept")
		require.NotContains(t, body, ">Merci au marché du 11e ce matin !</textarea>")
	}
}
