package scheduler

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/internal/testclip"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/video"
	"github.com/relais/relais/videopost"
)

// TestScheduledVideoPostPublishesThroughVideoAPI: an approved, scheduled
// post carrying a video is delivered by the video publisher (Mastodon's
// POST /api/v2/media, polled, then a status with the attachment), not by
// the account's text connector; the bytes sent are the approved ones.
func TestScheduledVideoPostPublishesThroughVideoAPI(t *testing.T) {
	for _, dialect := range storetest.Dialects {
		t.Run(dialect, func(t *testing.T) {
			inst := testclip.NewMastodon("tok")
			defer inst.Close()
			us, err := video.NewUploads(t.TempDir())
			require.NoError(t, err)
			pub := videopost.New(us, http.DefaultClient)
			pub.Up.Wait = func(context.Context, time.Duration) error { return nil }
			im := &immediate{testBundle: setup(t, dialect, Config{Videos: pub})}
			clip := testclip.Upload(t, us, im.author, "local.mp4", testclip.MP4(1080, 1920, 20, 256<<10, 5))
			thumb := relais.Media{Filename: "vignette.png", ContentType: "image/png", UploadedBy: im.author.ID}
			storetest.Must(t, im.store.Update(im.ctx, func(tx *store.Tx) error {
				if err := tx.CreateMedia(&thumb, []byte("\x89PNG vignette")); err != nil {
					return err
				}
				a := &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne", OwnerKind: relais.OwnerCampaign, BaseURL: inst.URL}
				im.targets = []int64{0}
				err := tx.CreateAccount(a, map[string]string{"access_token": "tok"})
				im.targets[0] = a.ID
				return err
			}))
			startRunning(t, im.testBundle)
			at := time.Now().Add(time.Second).UTC()
			p := &relais.Post{AuthorID: im.author.ID, Text: "Au local de campagne ce soir", Targets: im.targets, ScheduledAt: &at,
				State: relais.PostScheduled, Video: &relais.PostVideo{UploadID: clip.ID, SHA256: clip.SHA256, Filename: clip.Filename,
					ContentType: "video/mp4", Size: clip.Size, Width: 1080, Height: 1920, Seconds: 20, AltText: "Le local",
					ThumbnailID: thumb.ID, ThumbnailSHA256: thumb.SHA256}}
			p.ContentHash = p.Hash()
			storetest.Must(t, im.store.Update(im.ctx, func(tx *store.Tx) error {
				if err := tx.CreatePost(p); err != nil {
					return err
				}
				return im.sched.EnqueueFanOut(im.ctx, tx.SQL(), p.ID, p.ContentHash, at)
			}))
			im.waitPublished(t, p.ID, time.Now(), 20*time.Second)
			uploads, statuses := inst.Snapshot()
			require.Equal(t, []string{clip.SHA256}, uploads)
			require.Len(t, statuses, 1)
			require.Equal(t, "Au local de campagne ce soir", statuses[0].Text)
			require.Len(t, statuses[0].MediaIDs, 1)
			require.Equal(t, []string{statuses[0].MediaIDs[0] + ":" + thumb.SHA256}, inst.Thumbnails(), "the approved thumbnail is set")
			im.conn.mu.Lock()
			defer im.conn.mu.Unlock()
			require.Empty(t, im.conn.byKey, "the text connector published nothing")
		})
	}
}

// startRunning starts b's scheduler until the test ends.
func startRunning(t *testing.T, b *testBundle) {
	ctx, cancel := context.WithCancel(b.ctx)
	require.NoError(t, b.sched.Start(ctx))
	t.Cleanup(func() {
		stop, c := context.WithTimeout(context.Background(), 10*time.Second)
		defer c()
		_ = b.sched.Stop(stop)
		cancel()
	})
}

// TestRecurCarriesTheVideo: an occurrence of a post with a video carries
// the same approved video, and its hash covers it.
func TestRecurCarriesTheVideo(t *testing.T) {
	t.Parallel()
	b := setupRecur(t, store.DialectSQLite)
	v := &relais.PostVideo{UploadID: "0123456789abcdef0123456789abcdef", SHA256: "ab12", Filename: "local.mp4",
		ContentType: "video/mp4", Size: 10, Width: 1280, Height: 720, Seconds: 9, AltText: "Le local"}
	storetest.Must(t, b.store.Update(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(b.rec.PostID)
		if err != nil {
			return err
		}
		p.Video = v
		p.ContentHash = p.Hash()
		b.rec.ContentHash = p.ContentOnlyHash()
		return tx.UpdatePost(p)
	}))
	_, err := b.store.DB().Exec(`UPDATE recurrences SET content_hash = ? WHERE id = ?`, b.rec.ContentHash, b.rec.ID)
	require.NoError(t, err)
	b.fire(t, time.Date(2026, 3, 30, 6, 30, 0, 0, time.UTC), 0)
	runs := b.runs(t)
	require.Equal(t, RunCreated, runs[0].Outcome)
	storetest.Must(t, b.store.View(b.ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(runs[0].PostID)
		require.NoError(t, err)
		require.Equal(t, v, p.Video)
		require.Equal(t, p.Hash(), p.ContentHash, "the stored hash covers the video")
		return err
	}))
}
