package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/connectors/webhook"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

const (
	crashMastodon  = 200 // accounts on the idempotent fake
	crashHooks     = 5   // accounts on the non-idempotent fake
	crashPostCount = 3
	crashKills     = 12
)

// TestCrashExactlyOnce builds relais, runs it as a child process on SQLite
// and PostgreSQL, fans three posts out to 205 accounts and SIGKILLs it at
// random moments (12 times), restarting it each time. In the end every
// post reached every Mastodon account exactly once (one status per
// account and text, replays answered by Idempotency-Key), and every
// webhook delivery is published or outcome_unknown and listed by the API.
func TestCrashExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: builds and kills the binary")
	}
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		bin, err := buildRelais()
		require.NoError(t, err)
		dataDir, dbURL := t.TempDir(), ""
		if dialect == store.DialectPostgres {
			dbURL = storetest.NewPostgresDB(t)
		}
		plat := newCrashPlatform(t)
		cm, editor, targets := crashSetup(t, dataDir, dbURL, plat.srv.URL)
		logPath := filepath.Join(dataDir, "relais.log")
		start := time.Now()
		c := startChild(t, bin, dataDir, dbURL, logPath)
		addr := func() string { return c.addr }
		posts := crashPosts(t, crashClient{t, cm, addr}, crashClient{t, editor, addr}, targets)
		for plat.created() < 20 && time.Since(start) < 20*time.Second {
			time.Sleep(20 * time.Millisecond) // kill while publishing, not before
		}
		for k := 0; k < crashKills; k++ {
			sleepCtx(context.Background(), time.Duration(150+rand.IntN(600))*time.Millisecond)
			c.kill()
			c = startChild(t, bin, dataDir, dbURL, logPath)
		}
		ed := crashClient{t, editor, addr}
		views := crashWait(t, ed, posts, 60*time.Second)
		unknown := crashCheck(t, plat, views)
		var listed struct{ Deliveries []*relais.Delivery }
		require.Equal(t, http.StatusOK, ed.call("GET", "/api/deliveries?state=outcome_unknown", nil, &listed))
		require.Len(t, listed.Deliveries, unknown, "every outcome_unknown delivery is listed")
		t.Logf("%s: %d kills, %d deliveries, %d Mastodon replays answered by key, %d outcome_unknown (listed), %s",
			dialect, crashKills, len(posts)*(crashMastodon+crashHooks), plat.replays, unknown, time.Since(start).Round(time.Second))
	})
}

// crashSetup writes the members and accounts straight into the database
// (and the credentials key into the data dir, where the child finds it).
func crashSetup(t *testing.T, dataDir, dbURL, platURL string) (cm, editor string, targets []int64) {
	ctx := context.Background()
	key, _, err := secret.LoadOrCreateKeyFile(dataDir)
	require.NoError(t, err)
	box, err := secret.NewBox(key)
	require.NoError(t, err)
	st, err := store.Open(ctx, store.Config{DataDir: dataDir, DatabaseURL: dbURL, Box: box})
	require.NoError(t, err)
	defer st.Close()
	require.NoError(t, st.Migrate(ctx))
	require.NoError(t, scheduler.Migrate(ctx, st))
	require.NoError(t, st.Update(ctx, func(tx *store.Tx) error {
		for _, m := range []*relais.Member{{Email: "cm@example.org", Name: "CM", Role: relais.RoleCommunityManager, Lang: "fr"},
			{Email: "web@example.org", Name: "Web", Role: relais.RoleEditor, Lang: "fr"}} {
			if err := tx.CreateMember(m, ""); err != nil {
				return err
			}
		}
		for i := 0; i < crashMastodon+crashHooks; i++ {
			a := &relais.Account{Platform: relais.PlatformMastodon, Handle: fmt.Sprintf("m%d", i), OwnerKind: relais.OwnerCampaign, BaseURL: platURL}
			creds := map[string]string{"access_token": fmt.Sprintf("tok-%d", i)}
			if i >= crashMastodon {
				a = &relais.Account{Platform: relais.PlatformWebhook, Handle: fmt.Sprintf("h%d", i), OwnerKind: relais.OwnerCampaign}
				creds = map[string]string{webhook.CredURL: fmt.Sprintf("%s/hook/%d", platURL, i), webhook.CredKind: webhook.KindSlack}
			}
			if err := tx.CreateAccount(a, creds); err != nil {
				return err
			}
			targets = append(targets, a.ID)
		}
		return nil
	}))
	cm, err = auth.New(st).IssueToken(ctx, "cm@example.org")
	require.NoError(t, err)
	editor, err = auth.New(st).IssueToken(ctx, "web@example.org")
	require.NoError(t, err)
	return cm, editor, targets
}

// crashPosts drafts, submits and approves the posts (fan-out at once).
func crashPosts(t *testing.T, cm, editor crashClient, targets []int64) []int64 {
	var ids []int64
	for i := 0; i < crashPostCount; i++ {
		var p postJSON
		require.Equal(t, http.StatusCreated, cm.call("POST", "/api/posts",
			map[string]any{"text": fmt.Sprintf("Merci pour ce beau marché du dimanche, rendez-vous n°%d !", i), "targets": targets}, &p))
		require.Equal(t, http.StatusOK, cm.call("POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
		require.Equal(t, http.StatusOK, editor.call("POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
			map[string]any{"content_hash": p.ContentHash, "acknowledge_warnings": true}, &p), "post %d: %+v", p.ID, p)
		ids = append(ids, p.ID)
	}
	return ids
}
