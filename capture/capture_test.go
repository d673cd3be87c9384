package capture_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/capture"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

type tone struct{}

func (tone) Check(text, profile string) (string, json.RawMessage) {
	if strings.Contains(text, "honte") {
		return "block", json.RawMessage(`[{"rule":"attack"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}
func (tone) Signals(string) (bool, bool, bool) { return false, false, false }

type noJobs struct{}

func (noJobs) EnqueueFanOut(context.Context, *sql.Tx, int64, string, time.Time) error { return nil }

func tinyPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{200, 30, 30, 255})
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

type bundle struct {
	store *store.Store
	svc   *capture.Service
	cm    context.Context
	col   context.Context
}

func setup(t *testing.T, dialect string) *bundle {
	s := storetest.Open(t, dialect)
	b := &bundle{store: s, svc: capture.New(s, approval.New(s, tone{}, noJobs{}, nil))}
	require.NoError(t, s.Update(context.Background(), func(tx *store.Tx) error {
		cm := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
		col := &relais.Member{Email: "col@x.fr", Name: "col", Role: relais.RoleColistier}
		require.NoError(t, tx.CreateMember(cm, ""))
		require.NoError(t, tx.CreateMember(col, ""))
		b.cm, b.col = relais.NewContextWithMember(context.Background(), cm), relais.NewContextWithMember(context.Background(), col)
		return tx.CreateAccount(&relais.Account{Platform: relais.PlatformBluesky, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}, nil)
	}))
	return b
}

func (b *bundle) posts(t *testing.T) []*relais.Post {
	var ps []*relais.Post
	require.NoError(t, b.store.View(context.Background(), func(tx *store.Tx) (err error) {
		ps, err = tx.Posts(store.PostFilter{Limit: 100})
		return err
	}))
	return ps
}

func TestSubmitOncePerKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		in := capture.Input{Key: "k-0123456789abcdef", Caption: "Au marché d'Aligre ce matin", Filename: "marche.png", Data: tinyPNG(t)}
		r1, err := b.svc.Submit(b.cm, in)
		require.NoError(t, err)
		require.False(t, r1.Duplicate)
		require.Equal(t, relais.PostInReview, r1.Post.State, "submitted for approval")
		require.Len(t, r1.Post.Media, 1)
		r2, err := b.svc.Submit(b.cm, in)
		require.NoError(t, err)
		require.True(t, r2.Duplicate)
		require.Equal(t, r1.Post.ID, r2.Post.ID)
		require.Len(t, b.posts(t), 1)
	})
}

func TestSubmitConcurrentSameKeyMakesOnePost(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	in := capture.Input{Key: "k-concurrent-0000001", Caption: "Porte-à-porte rue Oberkampf"}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := b.svc.Submit(b.cm, in)
			if err != nil {
				require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err))
			}
		}()
	}
	wg.Wait()
	require.Len(t, b.posts(t), 1)
}

func TestSubmitRefusesBadInputAndReleasesKey(t *testing.T) {
	b := setup(t, store.DialectSQLite)
	key := "k-refused-000000001"
	for _, c := range []struct {
		field string
		in    capture.Input
	}{
		{"key", capture.Input{Key: "short", Caption: "x"}},
		{"key", capture.Input{Key: "k-0123456789abcdef<>", Caption: "x"}},
		{"caption", capture.Input{Key: key, Caption: "  "}},
		{"file", capture.Input{Key: key, Caption: "Bonjour", Filename: "x.png", Data: []byte("not an image at all")}},
	} {
		_, err := b.svc.Submit(b.cm, c.in)
		require.Equal(t, c.field, relais.ErrorField(err), "%v", err)
	}
	require.Empty(t, b.posts(t))
	_, err := b.svc.Submit(b.col, capture.Input{Key: key, Caption: "Bonjour"})
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	// The refused key was released: the corrected capture goes through.
	r, err := b.svc.Submit(b.cm, capture.Input{Key: key, Caption: "Bonjour", Filename: "x.png", Data: tinyPNG(t)})
	require.NoError(t, err)
	require.False(t, r.Duplicate)
	// A tone block keeps the draft and binds the key to it.
	_, err = b.svc.Submit(b.cm, capture.Input{Key: "k-blocked-00000001", Caption: "Quelle honte"})
	require.Equal(t, relais.EBLOCKED, relais.ErrorCode(err))
	r, err = b.svc.Submit(b.cm, capture.Input{Key: "k-blocked-00000001", Caption: "Quelle honte"})
	require.NoError(t, err)
	require.True(t, r.Duplicate)
	require.Equal(t, relais.PostDraft, r.Post.State)
	require.Len(t, b.posts(t), 2)
}
