package share_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// fakeTone blocks any text containing "minable".
type fakeTone struct{}

func (fakeTone) Check(text, profile string) (string, json.RawMessage) {
	if strings.Contains(text, "minable") {
		return "block", json.RawMessage(`[{"rule":"ridicule","severity":"block"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}
func (fakeTone) Signals(string) (bool, bool, bool) { return false, false, false }

// fakeConnector records publications; fail makes the next one fail.
type fakeConnector struct {
	mu    sync.Mutex
	keys  []string
	texts []string
	fail  error
}

func (c *fakeConnector) Platform() relais.Platform                      { return relais.PlatformX }
func (c *fakeConnector) Validate(connectors.Draft) []connectors.Problem { return nil }
func (c *fakeConnector) Publish(_ context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		return connectors.Receipt{}, c.fail
	}
	c.keys, c.texts = append(c.keys, key), append(c.texts, d.Text)
	return connectors.Receipt{RemoteID: key, URL: "https://x.com/" + a.Handle + "/status/" + key}, nil
}
func (c *fakeConnector) Lookup(context.Context, relais.Account, string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

type registry struct{ c *fakeConnector }

func (r registry) For(relais.Account) (connectors.Connector, error) { return r.c, nil }

// fixture is two colistiers (11e with an X account, 20e without), a
// published post and a suggestion for each.
type fixture struct {
	st        *store.Store
	svc       *share.Service
	conn      *fakeConnector
	anne, bob *relais.Member
	sgA, sgB  int64
	post      int64
}

func setup(t *testing.T, dialect string, notBefore time.Time) *fixture {
	f := &fixture{st: storetest.Open(t, dialect), conn: &fakeConnector{}}
	f.svc = share.New(f.st, fakeTone{}, registry{f.conn}, nil)
	require.NoError(t, f.st.Update(context.Background(), func(tx *store.Tx) error {
		f.anne = &relais.Member{Email: "anne11@example.org", Name: "Anne Onze", Role: relais.RoleColistier, District: "11e arrondissement"}
		f.bob = &relais.Member{Email: "bob20@example.org", Name: "Bob Vingt", Role: relais.RoleColistier, District: "20e arrondissement"}
		for _, m := range []*relais.Member{f.anne, f.bob} {
			if err := tx.CreateMember(m, "x"); err != nil {
				return err
			}
		}
		a := &relais.Account{Platform: relais.PlatformX, Handle: "anne_onze", OwnerKind: relais.OwnerColistier,
			OwnerMemberID: f.anne.ID, District: f.anne.District, BaseURL: connectors.SandboxURL}
		if err := tx.CreateAccount(a, nil); err != nil {
			return err
		}
		p := &relais.Post{AuthorID: f.anne.ID, Text: "Porte-à-porte samedi", Targets: []int64{a.ID}, State: relais.PostPublished}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		f.post = p.ID
		return tx.CreateSuggestions([]relais.Suggestion{
			{PostID: p.ID, MemberID: f.anne.ID, Text: "Samedi, porte-à-porte dans le 11e !", NotBefore: notBefore},
			{PostID: p.ID, MemberID: f.bob.ID, Text: "Porte-à-porte samedi", NotBefore: notBefore},
		})
	}))
	for _, m := range []*relais.Member{f.anne, f.bob} {
		in, err := f.svc.Inbox(as(m))
		require.NoError(t, err)
		require.Len(t, in.Items, 1, "each colistier sees her own suggestion only")
		if m == f.anne {
			f.sgA = in.Items[0].ID
			require.NotNil(t, in.Account)
		} else {
			f.sgB = in.Items[0].ID
			require.Nil(t, in.Account)
		}
	}
	return f
}

func as(m *relais.Member) context.Context {
	return relais.NewContextWithMember(context.Background(), m)
}

func requireCode(t *testing.T, code string, err error) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, relais.ErrorCode(err), relais.ErrorMessage(err))
}

func (f *fixture) audit(t *testing.T, action string) []relais.AuditEntry {
	var out []relais.AuditEntry
	require.NoError(t, f.st.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{PostID: f.post})
		for _, e := range es {
			if e.Action == action {
				out = append(out, e)
			}
		}
		return err
	}))
	return out
}

var errDown = errors.New("platform down")
