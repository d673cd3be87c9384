package ui_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
)

// TestBalanceMeterOnMapAndQueue: the week's meter is rendered on the map
// page and in an editor's queue, in French and in English. Four campaign
// posts this week: two about the candidate, one naming @claire (11e), one
// naming @paul (12e): 50 %, 25 %, 25 %.
func TestBalanceMeterOnMapAndQueue(t *testing.T) {
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	editor := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	cm := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager} // sees no map
	camp := &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(editor, ""); err != nil {
			return err
		} else if err := tx.CreateMember(cm, ""); err != nil {
			return err
		} else if err := tx.CreateAccount(camp, nil); err != nil {
			return err
		}
		for _, a := range []*relais.Account{{Platform: relais.PlatformMastodon, Handle: "claire", OwnerKind: relais.OwnerColistier, District: "11e"},
			{Platform: relais.PlatformMastodon, Handle: "paul", OwnerKind: relais.OwnerColistier, District: "12e"}} {
			if err := tx.CreateAccount(a, nil); err != nil {
				return err
			}
		}
		at := time.Now().UTC()
		for _, text := range []string{"Anne au marché", "Anne en réunion", "Merci @claire", "Avec @paul ce soir"} {
			p := &relais.Post{AuthorID: editor.ID, Text: text, Targets: []int64{camp.ID}, ScheduledAt: &at, State: relais.PostPublished}
			p.ContentHash = p.Hash()
			if err := tx.CreatePost(p); err != nil {
				return err
			}
		}
		return nil
	}))
	svc := approval.New(st, quietTone{}, noJobs{}, noEvents{})
	au := auth.New(st)
	token, err := au.IssueToken(ctx, editor.Email)
	require.NoError(t, err)
	cmToken, err := au.IssueToken(ctx, cm.Email)
	require.NoError(t, err)
	srv := httptest.NewServer(ui.New(ui.Config{Auth: au, Approval: svc, Hub: ui.NewHub(),
		Share: share.New(st, quietTone{}, nil, noEvents{}), Balance: &balance.Service{Store: st}}))
	defer srv.Close()
	get := func(path string) string { return getAs(t, srv.URL, token, path) }
	for _, path := range []string{"/map", "/"} {
		fr := get(path + "?lang=fr")
		require.Contains(t, fr, "Équilibre de la semaine", path)
		require.Contains(t, fr, "Candidate\u00a0: <strong>50\u00a0%</strong> (2/4)", path)
		require.Contains(t, fr, "11e\u00a0: <strong>25\u00a0%</strong> (1/4)", path)
		en := get(path + "?lang=en")
		require.Contains(t, en, "This week&#39;s balance", path)
		require.Contains(t, en, "12e: <strong>25%</strong> (1/4)", path)
	}
	queue := getAs(t, srv.URL, cmToken, "/?lang=en")
	require.NotContains(t, queue, `id="districtmap"`, "a community manager sees no map")
	require.Contains(t, queue, "Candidate: <strong>50%</strong> (2/4)", "but the meter is in her queue")
}

// getAs GETs path with token and returns the page.
func getAs(t *testing.T, base, token, path string) string {
	req, _ := http.NewRequest("GET", base+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b := new(strings.Builder)
	_, _ = io.Copy(b, resp.Body)
	require.Equal(t, 200, resp.StatusCode, b.String())
	return b.String()
}
