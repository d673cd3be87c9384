package supporters

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestFanOutSendsKits runs the real path: a post on a colistier's 11e
// account is fanned out by River, its suggest job hands the supporters'
// kits to the sender, and the SMTP server on loopback receives one kit
// per consenting, mobilised supporter of the 11e, and nothing for the
// others.
func TestFanOutSendsKits(t *testing.T) {
	s := newService(t, "sqlite")
	s.store.SetNow(func() time.Time { return time.Now().UTC() })
	ctx := AsOperator(context.Background())
	csv := "email,postcode,consent_at,consent_source,mobilised\n" +
		"a@exemple.fr,75011,2026-01-10,formulaire,oui\n" +
		"b@exemple.fr,75011,2026-01-10,formulaire,oui\n" +
		"sans-consentement@exemple.fr,75011,,,oui\n" +
		"pas-mobilise@exemple.fr,75011,2026-01-10,formulaire,non\n" +
		"autre-secteur@exemple.fr,75020,2026-01-10,formulaire,oui\n"
	_, err := s.Import(ctx, strings.NewReader(csv), Options{})
	require.NoError(t, err)
	require.NoError(t, scheduler.Migrate(context.Background(), s.store))
	mb := newMailbox(t)
	sb, err := sandbox.New(filepath.Join(t.TempDir(), "sandbox.jsonl"), "http://localhost")
	require.NoError(t, err)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sched, err := scheduler.New(scheduler.Config{Store: s.store, Connectors: connectors.NewRegistry(sb), Logger: log,
		PollEvery: 50 * time.Millisecond, ShareWindow: time.Millisecond, Kits: NewKits(s, kitSMTP(mb.addr.Port), 0, log)})
	require.NoError(t, err)
	storetest.Must(t, s.store.Update(context.Background(), func(tx *store.Tx) error {
		m := &relais.Member{Email: "col@exemple.fr", Name: "Col", Role: relais.RoleColistier, District: "11e arrondissement"}
		if err := tx.CreateMember(m, ""); err != nil {
			return err
		}
		a := &relais.Account{Platform: relais.PlatformX, Handle: "col11", OwnerKind: relais.OwnerColistier, OwnerMemberID: m.ID,
			District: "11e arrondissement", BaseURL: connectors.SandboxURL}
		if err := tx.CreateAccount(a, nil); err != nil {
			return err
		}
		at := tx.Now()
		p := &relais.Post{AuthorID: m.ID, Text: "Marché de la place Léon-Blum samedi", Targets: []int64{a.ID}, ScheduledAt: &at, State: relais.PostScheduled}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		return sched.EnqueueFanOut(context.Background(), tx.SQL(), p.ID, p.ContentHash, at)
	}))
	require.NoError(t, sched.Start(context.Background()))
	t.Cleanup(func() { _ = sched.Stop(context.Background()) })
	require.Eventually(t, func() bool { return len(mb.messages()) >= 2 }, 30*time.Second, 50*time.Millisecond)
	time.Sleep(300 * time.Millisecond) // nothing more arrives
	var to []string
	for _, m := range mb.messages() {
		to = append(to, m.to)
	}
	require.ElementsMatch(t, []string{"a@exemple.fr", "b@exemple.fr"}, to)
}
