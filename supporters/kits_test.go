package supporters

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

func TestMain(m *testing.M) {
	if os.Getenv("RELAIS_KITS_CHILD") == "1" {
		os.Exit(kitsChild())
	}
	os.Exit(m.Run())
}

// kitsChild is the process TestShareKitsExactlyOnce kills: it sends a
// post's share kits as the suggest jobs do, batch by batch, and exits 0
// when every batch went through.
func kitsChild() int {
	ctx := context.Background()
	key, _ := secret.ParseKey(secret.NewKey())
	box, _ := secret.NewBox(key)
	st, err := store.Open(ctx, store.Config{DataDir: os.Getenv("RELAIS_DATA"), DatabaseURL: os.Getenv("RELAIS_DATABASE_URL"), Box: box})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	port, _ := strconv.Atoi(os.Getenv("RELAIS_SMTP_PORT"))
	postID, _ := strconv.ParseInt(os.Getenv("RELAIS_POST"), 10, 64)
	k := NewKits(New(st, Config{BaseURL: "https://relais.example"}), kitSMTP(port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := sendAll(ctx, st, k, postID); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 4
	}
	return 0
}

func kitSMTP(port int) email.Config {
	return email.Config{Host: "127.0.0.1", Port: port, TLS: email.TLSNone, From: "Avec Anne <equipe@avec-anne.fr>", Timeout: 5 * time.Second}
}

// sendAll sends every supporter kit of a post in batches of 1,000 (the
// suggest jobs' size).
func sendAll(ctx context.Context, st *store.Store, k *Kits, postID int64) error {
	for off := 0; ; off += 1000 {
		var kits []store.ShareKit
		if err := st.View(ctx, func(tx *store.Tx) (err error) { kits, err = tx.ShareKits(postID, off, 1000); return err }); err != nil {
			return err
		}
		var ids []int64
		for _, x := range kits {
			ids = append(ids, x.SuggestionID)
		}
		if len(ids) > 0 {
			if err := k.SendKits(ctx, postID, ids); err != nil {
				return err
			}
		}
		if len(kits) < 1000 {
			return nil
		}
	}
}

// kitsN is the number of mobilised supporters: 2,000 in the suite,
// RELAIS_KITS_N=10000 for the full run (docs/PERFORMANCE.md).
func kitsN() int {
	if n, err := strconv.Atoi(os.Getenv("RELAIS_KITS_N")); err == nil && n > 0 {
		return n
	}
	return 2000
}

// seedKits creates n consenting, mobilised supporters, a post and one
// queued share kit per supporter, as the fan-out does.
func seedKits(t testing.TB, st *store.Store, n int) int64 {
	ctx := context.Background()
	consent := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	var postID int64
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		ss := make([]relais.Supporter, n)
		for i := range ss {
			ss[i] = relais.Supporter{Email: fmt.Sprintf("soutien%05d@exemple.fr", i), FirstName: "Léa", District: "11e arrondissement",
				ConsentAt: &consent, ConsentSource: "test", Mobilised: true, Lang: []string{"fr", "en"}[i%2]}
		}
		if err := tx.CreateSupporters(ss); err != nil {
			return err
		}
		author := &relais.Member{Email: "cm@exemple.fr", Name: "CM", Role: relais.RoleCommunityManager}
		if err := tx.CreateMember(author, ""); err != nil {
			return err
		}
		p := &relais.Post{AuthorID: author.ID, Text: "Réunion publique jeudi à 19h au gymnase Japy", State: relais.PostPublishing,
			Variants: map[relais.Platform]string{relais.PlatformX: "Jeudi 19h, gymnase Japy : venez !"}}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		postID = p.ID
		ids, err := tx.SupporterIDs(nil)
		if err != nil {
			return err
		}
		sg := make([]relais.Suggestion, len(ids))
		for i, id := range ids {
			sg[i] = relais.Suggestion{PostID: p.ID, SupporterID: id, Text: p.Text, NotBefore: tx.Now()}
		}
		return tx.InsertSuggestions(sg)
	}))
	return postID
}

// TestShareKitsExactlyOnce sends a post's share kits from a child process
// that is killed (SIGKILL) three times while sending, at the protocol's
// three kinds of moments: before a message (MAIL), in the middle of one
// (RCPT) and after the server kept one but before it answered (the final
// "." received, no 250 yet). The child is started again each time, as
// River retries a job. At the end the real SMTP server on loopback holds
// exactly one kit per supporter, each with its stable Message-ID.
func TestShareKitsExactlyOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		cfg := storetest.Config(t, dialect)
		st, err := store.Open(context.Background(), cfg)
		require.NoError(t, err)
		t.Cleanup(func() { st.Close() })
		require.NoError(t, st.Migrate(context.Background()))
		n := kitsN()
		postID := seedKits(t, st, n)
		mb := newMailbox(t)
		ch := &childProc{}
		var k1, k2, k3 bool
		mb.setHooks(ch.killAt(3*n/4, &k1), ch.killAt(n/4, &k2), ch.killAt(n/2, &k3))
		runs := 0
		for ; runs < 10; runs++ {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "RELAIS_KITS_CHILD=1", "RELAIS_DATA="+cfg.DataDir, "RELAIS_DATABASE_URL="+cfg.DatabaseURL,
				fmt.Sprintf("RELAIS_SMTP_PORT=%d", mb.addr.Port), fmt.Sprintf("RELAIS_POST=%d", postID))
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := ch.run(cmd)
			if err == nil {
				break
			}
			require.Contains(t, err.Error(), "killed", "child failed: %s", stderr.String())
		}
		require.True(t, k1 && k2 && k3, "the three kills happened")
		require.Equal(t, 3, runs, "three kills, then a run to the end")
		checkExactlyOnce(t, st, mb, postID, n)
	})
}

// checkExactlyOnce checks the mailbox against the supporters: one message
// each, its Message-ID stable, the unsubscribe headers and footer there.
func checkExactlyOnce(t *testing.T, st *store.Store, mb *mailbox, postID int64, n int) {
	msgs := mb.messages()
	perRcpt := map[string]int{}
	for _, m := range msgs {
		perRcpt[m.to]++
	}
	var twice []string
	for to, c := range perRcpt {
		if c > 1 {
			twice = append(twice, to)
		}
	}
	require.Empty(t, twice, "supporters who received a kit twice")
	require.Len(t, perRcpt, n, "every supporter received the kit")
	require.Len(t, msgs, n)
	ids := map[string]bool{}
	for _, m := range msgs[:50] {
		id := m.header.Get("Message-Id")
		require.Regexp(t, fmt.Sprintf(`^<kit-%d-\d+@avec-anne\.fr>$`, postID), id)
		require.False(t, ids[id])
		ids[id] = true
		require.Regexp(t, `^<mailto:equipe@avec-anne\.fr\?subject=unsubscribe%20[0-9a-f]{32}>, <https://relais\.example/u/[0-9a-f]{32}>$`, m.header.Get("List-Unsubscribe"))
		require.Equal(t, "List-Unsubscribe=One-Click", m.header.Get("List-Unsubscribe-Post"))
		body, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m.body)))
		require.NoError(t, err)
		require.Regexp(t, `https://relais\.example/u/[0-9a-f]{32}`, string(body))
		require.Contains(t, string(body), "https://x.com/intent/post?text=R%C3%A9union%20publique")
		require.Contains(t, string(body), "Jeudi 19h, gymnase Japy : venez !", "the variant")
	}
	var counts map[string]int
	storetest.Must(t, st.View(context.Background(), func(tx *store.Tx) (err error) { counts, err = tx.KitCounts(postID); return err }))
	require.Equal(t, n, counts[store.KitSent]+counts[store.KitHanded], "every kit is sent or handed over: %v", counts)
	require.Len(t, counts, 2, "no kit left queued, claimed or failed: %v", counts)
	// A kill leaves the group's kits handed but not yet recorded as sent
	// (one commit per group): at least the one the server kept without
	// answering, at most a group per kill.
	require.GreaterOrEqual(t, counts[store.KitHanded], 1)
	require.LessOrEqual(t, counts[store.KitHanded], 3*100)
}

// childProc runs the child and kills it from the server's hooks.
type childProc struct {
	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

func (c *childProc) run(cmd *exec.Cmd) error {
	c.mu.Lock()
	c.cmd, c.done = cmd, make(chan struct{})
	err := cmd.Start()
	done := c.done
	c.mu.Unlock()
	if err != nil {
		return err
	}
	err = cmd.Wait()
	close(done)
	return err
}

// killAt returns a hook that kills the child (SIGKILL) once, when the
// server has kept target messages, and answers only once it is gone.
func (c *childProc) killAt(target int, fired *bool) func(int) {
	return func(accepted int) {
		c.mu.Lock()
		if accepted < target || *fired {
			c.mu.Unlock()
			return
		}
		*fired = true
		_ = c.cmd.Process.Kill()
		done := c.done
		c.mu.Unlock()
		<-done
	}
}
