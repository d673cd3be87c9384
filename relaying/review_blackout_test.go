package relaying

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestReviewRepostRefusedInBlackout: a repost goes out at once from the
// campaign's account, without approval; during the electoral blackout
// (French electoral code, art. L49) nothing may be published, reposts
// included: it is refused and the platform is not called.
func TestReviewRepostRefusedInBlackout(t *testing.T) {
	inst := newInstance(t, "tok", "11")
	inst.statuses["901"] = inst.URL + "/@claire/901"
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	col := &relais.Account{Platform: relais.PlatformMastodon, Handle: "claire", OwnerKind: relais.OwnerColistier, BaseURL: inst.URL}
	camp := &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: inst.URL}
	ed := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	tomorrow := time.Now().In(relais.DefaultLocation()).AddDate(0, 0, 1).Format("2006-01-02")
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(ed, ""); err != nil {
			return err
		} else if err := tx.CreateAccount(col, map[string]string{"access_token": "tok"}); err != nil {
			return err
		} else if err := tx.CreateAccount(camp, map[string]string{"access_token": "tok"}); err != nil {
			return err
		}
		return tx.AddElectionRound(&relais.ElectionRound{Day: tomorrow, PollsClose: "20:00"}) // from today 00:00
	}))
	s := &Service{Store: st, Client: &Client{HTTP: http.DefaultClient}}
	_, err := s.Repost(relais.NewContextWithMember(ctx, ed), col.ID, inst.URL+"/@claire/901")
	require.Equal(t, relais.EBLACKOUT, relais.ErrorCode(err), "%v", err)
	require.Empty(t, inst.reblogs)
}
