package approval_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/internal/testclip"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/video"
)

// withVideos gives the bundle's service a store of uploads.
func withVideos(t *testing.T, b *testBundle) *video.Uploads {
	us, err := video.NewUploads(t.TempDir())
	require.NoError(t, err)
	b.svc.SetVideos(us)
	return us
}

// TestVideoChangeAfterApprovalNeedsReapproval: the approval covers the
// video's SHA-256; swapping the file for another sends the post back to
// review and the old hash no longer approves it.
func TestVideoChangeAfterApprovalNeedsReapproval(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		us := withVideos(t, b)
		first := testclip.Upload(t, us, b.cm, "marche.mp4", testclip.MP4(1280, 720, 12, 4096, 1))
		second := testclip.Upload(t, us, b.cm, "marche-v2.mp4", testclip.MP4(1280, 720, 12, 4096, 2))
		at := time.Now().Add(3 * time.Hour).UTC().Truncate(time.Second)
		in := b.post("Ce matin au marché d'Aligre", b.campaign)
		in.ScheduledAt, in.Video = &at, &approval.VideoInput{UploadID: first.ID, AltText: "Anne parle avec des commerçants"}
		p := b.MustSubmit(b.cm, in)
		require.Equal(t, first.SHA256, p.Video.SHA256)
		p, err := b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash})
		require.NoError(t, err)
		require.Equal(t, relais.PostScheduled, p.State)
		approved := p.ContentHash

		in.Video.UploadID = second.ID
		p, err = b.svc.UpdatePost(as(b.cm), p.ID, in)
		require.NoError(t, err)
		require.Equal(t, relais.PostInReview, p.State)
		require.NotEqual(t, approved, p.ContentHash)
		_, err = b.svc.Approve(as(b.editor), p.ID, approval.ApproveInput{ContentHash: approved})
		requireCode(t, relais.ECONFLICT, err)

		var stored *relais.Post
		require.NoError(t, b.store.View(context.Background(), func(tx *store.Tx) error {
			stored, err = tx.PostByID(p.ID)
			return err
		}))
		require.Equal(t, second.SHA256, stored.Video.SHA256, "the stored video is the new one")
		require.Equal(t, "Anne parle avec des commerçants", stored.Video.AltText)
		require.Equal(t, p.ContentHash, stored.Hash(), "the stored post hashes to its content hash")
	})
}

// TestVideoThumbnailAndLimits: a thumbnail is an uploaded image whose
// hash joins the approval's; a video over a target platform's limit is
// refused naming the platform; an unknown upload is a field error.
func TestVideoThumbnailAndLimits(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	us := withVideos(t, b)
	clip := testclip.Upload(t, us, b.cm, "clip.mp4", testclip.MP4(1280, 720, 10, 2048, 3))
	img, err := b.svc.Upload(as(b.cm), "vignette.png", pngBytes(), "")
	require.NoError(t, err)
	in := b.post("Le local de campagne", b.campaign)
	in.Video = &approval.VideoInput{UploadID: clip.ID, Thumbnail: img.ID}
	p, err := b.svc.CreatePost(as(b.cm), in)
	require.NoError(t, err)
	require.Equal(t, img.SHA256, p.Video.ThumbnailSHA256)
	without := *p
	v := *p.Video
	v.ThumbnailSHA256, without.Video = "", &v
	require.NotEqual(t, without.Hash(), p.ContentHash, "the thumbnail is part of what is approved")

	long := testclip.Upload(t, us, b.cm, "long.mp4", testclip.MP4(1280, 720, 200, 2048, 4))
	in.Video = &approval.VideoInput{UploadID: long.ID}
	_, err = b.svc.CreatePost(as(b.cm), in)
	requireCode(t, relais.EINVALID, err)
	key, params := relais.ErrorKey(err)
	require.Equal(t, "error.video.at_most", key, "the campaign account is on X, whose limit is 140 s")
	require.Equal(t, map[string]string{"platform": "X", "limit": "140.0 s", "value": "200.0 s"}, params)

	in.Video = &approval.VideoInput{UploadID: "00000000000000000000000000000000"}
	_, err = b.svc.CreatePost(as(b.cm), in)
	requireCode(t, relais.EINVALID, err)
	require.Equal(t, "video", relais.ErrorField(err))
	in.Video, in.Media = &approval.VideoInput{UploadID: clip.ID}, []int64{img.ID}
	_, err = b.svc.CreatePost(as(b.cm), in)
	require.Equal(t, "video", relais.ErrorField(err), "a video and images together are refused")
}

// pngBytes is a 1×1 PNG.
func pngBytes() []byte {
	return bytes.Clone([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"))
}

// TestDuplicateKeepsTheVideo: a copy of a video post carries the same
// video (the upload's file never changes) and hashes to the same content.
func TestDuplicateKeepsTheVideo(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	us := withVideos(t, b)
	clip := testclip.Upload(t, us, b.cm, "clip.mp4", testclip.MP4(1280, 720, 10, 2048, 7))
	in := b.post("Au local ce soir", b.campaign)
	in.Video = &approval.VideoInput{UploadID: clip.ID, AltText: "Le local"}
	p, err := b.svc.CreatePost(as(b.cm), in)
	require.NoError(t, err)
	d, err := b.svc.Duplicate(as(b.cm), p.ID)
	require.NoError(t, err)
	require.Equal(t, p.Video, d.Video)
	require.Equal(t, p.ContentHash, d.ContentHash)
}
