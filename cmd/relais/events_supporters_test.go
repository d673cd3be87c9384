package main

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// TestRSVPMakesSupporterOverHTTP: the public page shows the versioned
// consent text; an RSVP sent with it is a supporter with consent from
// "event <slug>" in her district; an invalid e-mail stores no supporter.
func TestRSVPMakesSupporterOverHTTP(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	token := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	var ev eventJSON
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/events", eventBody("Hackathon du programme", 72, true), &ev))
	jar, _ := cookiejar.New(nil)
	visitor := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	status, body := getBody(t, visitor, tm.URL+ev.URL+"?lang=en")
	require.Equal(t, http.StatusOK, status)
	requireSelectors(t, "consent text", body, "p#rsvp-consent-text[data-version=2026-01]", "input[name=consent_version][value=2026-01]")
	require.Contains(t, body, "By answering you join the campaign&#39;s supporters")

	rsvp := ev.URL + "/rsvp"
	status, _, _ = anon(t, visitor, tm.URL, rsvp, tm.URL, url.Values{"name": {"Léa"}, "email": {"lea@"}, "district": {"11e"}, "consent": {"on"}, "consent_version": {"2026-01"}})
	require.Equal(t, http.StatusBadRequest, status)
	status, _, _ = anon(t, visitor, tm.URL, rsvp, tm.URL, url.Values{"name": {"Léa"}, "email": {"lea@example.org"}, "district": {"11e"}, "consent": {"on"}, "consent_version": {"2026-01"}})
	require.Equal(t, http.StatusSeeOther, status)

	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		s, err := tx.SupporterByEmail("lea@example.org")
		require.NoError(t, err)
		require.Equal(t, "event "+ev.Slug, s.ConsentSource)
		require.Equal(t, "2026-01", s.ConsentVersion)
		require.Equal(t, "11e arrondissement", s.District)
		_, err = tx.SupporterByEmail("lea@")
		require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
		return nil
	}))
}
