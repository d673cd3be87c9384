package relaying

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewBlueskyForeignRecordNotListed: a colistier's PDS answers
// com.atproto.repo.listRecords for her repo with a record of another
// repo (someone else's post, with its CID). A repost takes the record's
// uri and cid as they come: the list offers only records of her own repo.
func TestReviewBlueskyForeignRecordNotListed(t *testing.T) {
	// com.atproto.repo.listRecords: {"records":[{"uri","cid","value"}]},
	// https://docs.bsky.app/docs/api/com-atproto-repo-list-records
	pds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path != "/xrpc/com.atproto.repo.listRecords" || r.URL.Query().Get("repo") != "did:plc:claire" {
			w.WriteHeader(400)
			_, _ = w.Write([]byte(`{"error":"InvalidRequest"}`))
			return
		}
		_, _ = w.Write([]byte(`{"records":[
			{"uri":"at://did:plc:claire/app.bsky.feed.post/3own","cid":"bafyown","value":{"text":"Au marché","createdAt":"2026-12-01T09:00:00Z"}},
			{"uri":"at://did:plc:troll/app.bsky.feed.post/3bad","cid":"bafybad","value":{"text":"Au marché aussi","createdAt":"2026-12-01T10:00:00Z"}}]}`))
	}))
	defer pds.Close()
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	col := &relais.Account{Platform: relais.PlatformBluesky, Handle: "claire.example", OwnerKind: relais.OwnerColistier, BaseURL: pds.URL}
	ed := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(ed, ""); err != nil {
			return err
		}
		return tx.CreateAccount(col, map[string]string{"did": "did:plc:claire", "identifier": "claire.example", "app_password": "x"})
	}))
	s := &Service{Store: st, Client: &Client{HTTP: http.DefaultClient}}
	l, err := s.List(relais.NewContextWithMember(ctx, ed))
	require.NoError(t, err)
	require.Empty(t, l.Unreadable)
	var listed []string
	for _, e := range l.Entries {
		listed = append(listed, e.Item.URI)
	}
	require.Equal(t, []string{"at://did:plc:claire/app.bsky.feed.post/3own"}, listed)
}
