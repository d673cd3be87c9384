package facebook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/stretchr/testify/require"
)

// graphMe speaks GET /{version}/me as the Graph API documents it
// (developers.facebook.com/docs/graph-api/reference/user and /page: with
// a Page access token, /me is the Page and ?fields=id,name returns them);
// an invalid token is answered 400 with an OAuthException code 190
// (developers.facebook.com/docs/graph-api/guides/error-handling).
func graphMe(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "GET /v26.0/me", r.Method+" "+r.URL.Path)
		require.Equal(t, "id,name", r.URL.Query().Get("fields"))
		require.Empty(t, r.URL.Query().Get("access_token"), "the token never travels in the URL")
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != "Bearer "+pageToken {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,"fbtrace_id":"A1"}}`))
			return
		}
		w.Write([]byte(`{"id":"104857600000001","name":"Avec Anne"}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestVerifyPageToken(t *testing.T) {
	srv := graphMe(t)
	acct := func(tok, page string) relais.Account {
		return relais.Account{Platform: relais.PlatformFacebook, Handle: "AvecAnne", BaseURL: srv.URL,
			Credentials: map[string]string{CredPageToken: tok, CredPageID: page}}
	}
	require.NoError(t, New(nil, "", "").Verify(context.Background(), acct(pageToken, "104857600000001")))
	require.NoError(t, New(nil, "", "").Verify(context.Background(), acct(pageToken, "")))

	err := New(nil, "", "").Verify(context.Background(), acct("wrong", "104857600000001"))
	var ce *connectors.Error
	require.ErrorAs(t, err, &ce)
	require.Contains(t, err.Error(), "Invalid OAuth access token")

	err = New(nil, "", "").Verify(context.Background(), acct(pageToken, "999"))
	require.ErrorContains(t, err, "not 999")

	err = New(nil, "", "").Verify(context.Background(), acct("", ""))
	require.ErrorContains(t, err, "page access token is required")
}
