package relaying

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewMastodonForeignURLNotBoosted: a colistier's instance answers
// a status whose url is on another server. The campaign's instance would
// resolve that URL and boost whatever it finds there, with no approval,
// while the editor read the colistier's words on the list: it is refused,
// and the campaign's instance is not asked to fetch it.
func TestReviewMastodonForeignURLNotBoosted(t *testing.T) {
	colInst, campInst, elsewhere := newInstance(t, "col", "11"), newInstance(t, "camp", "22"), newInstance(t, "x", "33")
	colInst.statuses["901"] = colInst.URL + "/@claire/901"
	foreign := elsewhere.URL + "/@troll/666"
	colInst.statuses["902"] = foreign
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
	as := relais.NewContextWithMember(ctx, ed)
	_, err := s.Repost(as, col.ID, foreign)
	var e *relais.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, "relay.foreign_status", e.Key)
	require.Empty(t, campInst.reblogs)
	require.NotContains(t, campInst.statuses, "555", "the campaign's instance was not asked to fetch it")
}
