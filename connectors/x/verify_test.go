package x

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifyReadsUsersMe: the fake checks the OAuth 1.0a signature of
// every request and answers GET /2/users/me as X documents it
// (docs.x.com/x-api/users/user-lookup-me: {"data":{"id","name","username"}}).
func TestVerifyReadsUsersMe(t *testing.T) {
	f := mustFake(t, func(w http.ResponseWriter, r *http.Request, _ []byte) {
		require.Equal(t, "GET /2/users/me", r.Method+" "+r.URL.Path)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"data":{"id":"42","name":"Anne","username":"AnneParis"}}`))
	})
	c := New(nil, "")
	require.NoError(t, c.Verify(context.Background(), f.account()))

	other := f.account()
	other.Handle = "@SomeoneElse"
	require.ErrorContains(t, c.Verify(context.Background(), other), "belong to @AnneParis, not @SomeoneElse")

	missing := f.account()
	missing.Credentials = map[string]string{CredConsumerKey: "k"}
	require.ErrorContains(t, c.Verify(context.Background(), missing), "missing credential")
}
