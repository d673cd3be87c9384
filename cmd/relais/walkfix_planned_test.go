package main

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPostPagePlannedAfterApproval: an approved post waiting for its time
// says, in the reader's language only, when and where it will be
// published, not that deliveries are created on approval.
func TestPostPagePlannedAfterApproval(t *testing.T) {
	tm := mustRunDemo(t)
	cmTok, webTok := tm.cli("user", "token", "--email", "cm@demo.relais.fr"), tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var p postJSON
	body := `{"text":"Meeting de clôture vendredi","targets":["@avecanne"],"scheduled_at":"2027-01-15T20:00:00Z"}`
	require.Equal(t, http.StatusCreated, tm.call(cmTok, "POST", "/api/posts", body, &p))
	require.Equal(t, http.StatusOK, tm.call(cmTok, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, tm.call(webTok, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID), map[string]any{"content_hash": p.ContentHash}, &p))
	require.Equal(t, "scheduled", p.State)
	web := tm.signIn(t, "web@demo.relais.fr")
	want := map[string]string{
		"fr": `<p class="planned" id="deliveries-planned">Approuvée : publication prévue le 15/01/2027 21:00 sur X · @avecanne.</p>`,
		"en": `<p class="planned" id="deliveries-planned">Approved: to be published on Fri 15 Jan 2027 21:00 to X · @avecanne.</p>`,
	}
	for lang, text := range want {
		_, page := web.get(fmt.Sprintf("/posts/%d?lang=%s", p.ID, lang))
		require.Contains(t, page, text)
		require.NotContains(t, page, map[string]string{"fr": "No deliveries", "en": "Pas encore de publication"}[lang])
		require.NotContains(t, page, map[string]string{"fr": "Pas encore de publication", "en": "No deliveries"}[lang])
	}
}
