package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestVideoSweep: the hourly chore deletes an upload no post carries
// once RELAIS_VIDEO_UPLOAD_RETENTION (7 days) has passed, unfinished ones
// too, and the file of a deleted post once RELAIS_VIDEO_RETENTION (30
// days) has passed since; a draft's video stays.
func TestVideoSweep(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	campaign := demoAccount(t, tm, cm, "campaign")
	loose := tm.uploadVideo(cm, "abandon.mp4", testMP4(4, 2048))
	var unfinished struct{ ID string }
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/videos/uploads", `{"filename":"moitie.mp4","size":5000}`, &unfinished))
	draft := tm.videoPost(cm, campaign, testMP4(5, 2048), false)
	deleted := tm.videoPost(cm, campaign, testMP4(6, 2048), false)
	require.Equal(t, http.StatusNoContent, tm.call(cm, "DELETE", fmt.Sprintf("/api/posts/%d", deleted), nil, nil))
	dir := filepath.Join(tm.env.DataDir, "uploads")
	exists := func(id string) bool { _, err := os.Stat(filepath.Join(dir, id)); return err == nil }
	uploadOf := func(post int64) string {
		var p struct {
			Video struct {
				UploadID string `json:"upload_id"`
			}
		}
		require.Equal(t, http.StatusOK, tm.call(tm.cli("user", "token", "--email", "web@demo.relais.fr"), "GET", fmt.Sprintf("/api/posts/%d", post), nil, &p))
		return p.Video.UploadID
	}
	draftUp, deletedUp := uploadOf(draft), uploadOf(deleted)
	require.True(t, exists(loose) && exists(unfinished.ID) && exists(draftUp) && exists(deletedUp))

	var chore func(context.Context) error
	for _, c := range tm.chores() {
		if c.Name == "purge_videos" {
			chore = c.Run
		}
	}
	require.NotNil(t, chore, "a chore of the cluster's housekeeping")
	require.NoError(t, chore(context.Background()))
	require.True(t, exists(loose) && exists(unfinished.ID) && exists(deletedUp), "all recent: kept")

	n, err := tm.sweepVideos(context.Background(), tm.videoUploads(), time.Now().Add(8*24*time.Hour))
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.False(t, exists(loose), "unattached for 8 days")
	require.False(t, exists(unfinished.ID), "unfinished for 8 days")
	require.True(t, exists(deletedUp), "deleted 8 days ago: kept 30 days")
	require.Equal(t, http.StatusNotFound, tm.call(cm, "GET", "/api/videos/uploads/"+loose, nil, nil))

	n, err = tm.sweepVideos(context.Background(), tm.videoUploads(), time.Now().Add(31*24*time.Hour))
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.False(t, exists(deletedUp), "deleted 31 days ago")
	require.True(t, exists(draftUp), "a draft's video stays")
	resp, _ := tm.getVideo(tm.cli("user", "token", "--email", "web@demo.relais.fr"), fmt.Sprintf("/posts/%d/video", draft), "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
}
