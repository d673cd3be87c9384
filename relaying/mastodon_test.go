package relaying

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// instance is a Mastodon instance as documented, holding one account
// (token → account id) and its statuses: GET
// /api/v1/accounts/verify_credentials
// (https://docs.joinmastodon.org/methods/accounts/#verify_credentials),
// GET /api/v1/accounts/:id/statuses (…/methods/accounts/#statuses), GET
// /api/v2/search?q=URL&resolve=true, which fetches a remote status by its
// URL and answers it with this instance's id (…/methods/search/#v2;
// resolving needs a user token), and POST /api/v1/statuses/:id/reblog
// (…/methods/statuses/#boost), 404 for an id it does not hold.
type instance struct {
	*httptest.Server
	token, account string
	statuses       map[string]string // id → URL
	mu             sync.Mutex
	reblogs        []string
}

func newInstance(t *testing.T, token, account string) *instance {
	in := &instance{token: token, account: account, statuses: map[string]string{}}
	in.Server = httptest.NewServer(http.HandlerFunc(in.serve))
	t.Cleanup(in.Close)
	return in
}

func (in *instance) serve(w http.ResponseWriter, r *http.Request) {
	in.mu.Lock()
	defer in.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/v1/statuses/"), "/reblog")
	switch {
	case r.Header.Get("Authorization") != "Bearer "+in.token:
		w.WriteHeader(401)
		_, _ = w.Write([]byte(`{"error":"The access token is invalid"}`))
	case r.URL.Path == "/api/v1/accounts/verify_credentials":
		_ = json.NewEncoder(w).Encode(map[string]string{"id": in.account})
	case r.URL.Path == "/api/v1/accounts/"+in.account+"/statuses":
		var out []map[string]string
		for id, u := range in.statuses {
			out = append(out, map[string]string{"id": id, "url": u, "content": "<p>Au marché</p>", "visibility": "public", "created_at": "2026-12-01T09:00:00.000Z"})
		}
		_ = json.NewEncoder(w).Encode(out)
	case r.URL.Path == "/api/v2/search" && r.URL.Query().Get("resolve") == "true":
		var found []map[string]string
		if q := r.URL.Query().Get("q"); strings.HasPrefix(q, "http") {
			in.statuses["555"] = q // fetched from its instance, stored under a local id
			found = append(found, map[string]string{"id": "555", "url": q})
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"accounts": []any{}, "statuses": found, "hashtags": []any{}})
	case r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/reblog") && in.statuses[id] != "":
		in.reblogs = append(in.reblogs, id)
		_ = json.NewEncoder(w).Encode(map[string]any{"id": "9" + id, "reblog": map[string]string{"id": id}})
	default:
		w.WriteHeader(404)
		_, _ = w.Write([]byte(`{"error":"Record not found"}`))
	}
}

// TestMastodonRebloggedAcrossInstances: the colistier is on one instance,
// the campaign on another. The status is resolved on the campaign's
// instance by its URL and that instance's id is boosted; the colistier's
// instance boosts nothing, and the repost is audited.
func TestMastodonRebloggedAcrossInstances(t *testing.T) {
	colInst, campInst := newInstance(t, "col", "11"), newInstance(t, "camp", "22")
	colInst.statuses["901"] = colInst.URL + "/@claire/901"
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	col := &relais.Account{Platform: relais.PlatformMastodon, Handle: "claire", OwnerKind: relais.OwnerColistier, BaseURL: colInst.URL}
	camp := &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: campInst.URL}
	ed := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(ed, ""); err != nil {
			return err
		} else if err := tx.CreateAccount(col, map[string]string{"access_token": "col"}); err != nil {
			return err
		}
		return tx.CreateAccount(camp, map[string]string{"access_token": "camp"})
	}))
	s := &Service{Store: st, Client: &Client{HTTP: http.DefaultClient}}
	id, err := s.Repost(relais.NewContextWithMember(ctx, ed), col.ID, colInst.URL+"/@claire/901")
	require.NoError(t, err)
	require.Equal(t, "9555", id)
	require.Equal(t, []string{"555"}, campInst.reblogs, "the campaign's instance boosted its own id for the status")
	require.Empty(t, colInst.reblogs)
	var audit []relais.AuditEntry
	storetest.Must(t, st.View(ctx, func(tx *store.Tx) (err error) {
		audit, err = tx.Audit(store.AuditFilter{})
		return err
	}))
	require.Equal(t, RepostAction, audit[len(audit)-1].Action)
	require.Equal(t, "claire", RepostedHandle(audit[len(audit)-1].Detail))
}
