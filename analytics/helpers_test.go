package analytics_test

import (
	"context"
	"testing"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// fixture is a migrated store with a campaign team and one post.
type fixture struct {
	ctx     context.Context
	st      *store.Store
	editor  *relais.Member
	colist  *relais.Member
	account *relais.Account
	post    *relais.Post
}

func newFixture(t testing.TB, dialect string) *fixture {
	t.Helper()
	f := &fixture{ctx: context.Background(), st: storetest.Open(t, dialect)}
	f.editor = &relais.Member{Email: "editor@example.org", Name: "Éditrice", Role: relais.RoleEditor, Lang: "fr"}
	f.colist = &relais.Member{Email: "col@example.org", Name: "Colistière", Role: relais.RoleColistier, District: "11e", Lang: "fr"}
	f.account = &relais.Account{Platform: relais.PlatformMastodon, Handle: "campagne", OwnerKind: relais.OwnerCampaign}
	storetest.Must(t, f.st.Update(f.ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(f.editor, ""); err != nil {
			return err
		} else if err := tx.CreateMember(f.colist, ""); err != nil {
			return err
		} else if err := tx.CreateAccount(f.account, nil); err != nil {
			return err
		}
		at := time.Now().Add(time.Hour)
		f.post = &relais.Post{AuthorID: f.editor.ID, Text: "Le programme : https://paris2026.fr/programme", Targets: []int64{f.account.ID},
			ScheduledAt: &at, State: relais.PostPublished}
		f.post.ContentHash = f.post.Hash()
		return tx.CreatePost(f.post)
	}))
	return f
}

func (f *fixture) as(m *relais.Member) context.Context { return relais.NewContextWithMember(f.ctx, m) }
