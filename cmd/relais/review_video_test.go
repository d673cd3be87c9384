package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// approveVideoPost has the demo's web lead approve post id and checks it
// is scheduled.
func (tm *testMain) approveVideoPost(editor string, id int64) {
	tm.t.Helper()
	var p postJSON
	require.Equal(tm.t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", id), nil, &p))
	require.Equal(tm.t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", id),
		map[string]any{"content_hash": p.ContentHash}, &p))
	require.Equal(tm.t, "scheduled", p.State)
}

// TestReviewSweepKeepsRecurringVideo: a monthly recurrence of a video
// post copies the template's upload into each occurrence. Once the
// template is published, the next occurrence is still to come: the
// housekeeping must not delete the file 30 days after the template's
// publication while the series is active.
func TestReviewSweepKeepsRecurringVideo(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	editor := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	campaign := demoAccount(t, tm, cm, "campaign")
	id := tm.videoPost(cm, campaign, testMP4(7, 2048), true)
	tm.approveVideoPost(editor, id)
	var rec struct{ ID int64 }
	require.Equal(t, http.StatusCreated, tm.call(editor, "POST", "/api/recurring", map[string]any{"post_id": id, "spec": "0 9 1 */2 *"}, &rec))
	require.NoError(t, tm.store.Update(context.Background(), func(tx *store.Tx) error {
		p, err := tx.PostByID(id) // the template goes out (the platform's side is not what is tested here)
		if err != nil {
			return err
		} else if err := tx.MovePost(p, relais.PostFanOut); err != nil {
			return err
		}
		p.State = relais.PostPublishing
		if err := tx.MovePost(p, relais.PostSettlePublished); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.published", PostID: id})
	}))
	var p struct {
		State string
		Video struct {
			UploadID string `json:"upload_id"`
		}
	}
	require.Equal(t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", id), nil, &p))
	require.Equal(t, "published", p.State)
	file := filepath.Join(tm.env.DataDir, "uploads", p.Video.UploadID)
	_, err := tm.sweepVideos(context.Background(), tm.videoUploads(), time.Now().Add(40*24*time.Hour))
	require.NoError(t, err)
	_, err = os.Stat(file)
	require.NoError(t, err, "the series' next occurrence publishes this file")

	require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/recurring/%d/stop", rec.ID), nil, nil))
	n, err := tm.sweepVideos(context.Background(), tm.videoUploads(), time.Now().Add(40*24*time.Hour))
	require.NoError(t, err)
	require.Equal(t, 1, n, "the series stopped: the file goes")
}

// TestReviewEditorKeepsAuthorsVideo: the web lead edits the text of a
// community manager's video post from the compose form, which sends the
// saved post's upload id back; the video stays (the upload id she did
// not make grants nothing new: it is already the post's).
func TestReviewEditorKeepsAuthorsVideo(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	editor := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	campaign := demoAccount(t, tm, cm, "campaign")
	id := tm.videoPost(cm, campaign, testMP4(8, 2048), false)
	var p struct {
		Video struct {
			UploadID string `json:"upload_id"`
		}
	}
	require.Equal(t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", id), nil, &p))
	up := p.Video.UploadID
	body := fmt.Sprintf(`{"text":"Ce soir au local de campagne, 19h","targets":[%d],"scheduled_at":"%s","video":{"upload_id":%q}}`, campaign, inHours(3), up)
	require.Equal(t, http.StatusOK, tm.call(editor, "PUT", fmt.Sprintf("/api/posts/%d", id), body, nil))
	p.Video.UploadID = ""
	require.Equal(t, http.StatusOK, tm.call(editor, "GET", fmt.Sprintf("/api/posts/%d", id), nil, &p))
	require.Equal(t, up, p.Video.UploadID)

	other := tm.uploadVideo(cm, "autre.mp4", testMP4(9, 2048))
	body = fmt.Sprintf(`{"text":"Ce soir au local","targets":[%d],"scheduled_at":"%s","video":{"upload_id":%q}}`, campaign, inHours(3), other)
	require.Equal(t, http.StatusBadRequest, tm.call(editor, "PUT", fmt.Sprintf("/api/posts/%d", id), body, nil),
		"another member's upload the post does not carry stays hers")
}

// TestReviewReconnectOtherInstance: a Mastodon account is reconnected
// through another instance where a user has the same name (both answer
// on 127.0.0.1, so the handles match): the other instance's token must
// not replace the account's, since it would be sent to the account's own
// instance and publish nothing, or leak there.
func TestReviewReconnectOtherInstance(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	home, other := newMastodonInstanceOAuth(t), newMastodonInstanceOAuth(t)
	admin := tm.signIn(t, "admin@demo.relais.fr")
	status, body := admin.post("/settings/connect/mastodon", url.Values{"base_url": {home.srv.URL}, "owner": {"campaign"}})
	require.Equal(t, http.StatusOK, status, body)
	var id int64
	require.NoError(t, tm.store.View(context.Background(), func(tx *store.Tx) error {
		a, err := tx.AccountByHandle("annevalois@127.0.0.1")
		if err == nil {
			id = a.ID
		}
		return err
	}))
	before := tm.lastAudit()
	status, body = admin.post("/settings/connect/mastodon", url.Values{"base_url": {other.srv.URL}, "reconnect": {fmt.Sprint(id)}})
	require.False(t, strings.Contains(body, "Compte reconnecté"), "reconnected through another instance")
	require.Equal(t, http.StatusBadRequest, status)
	require.True(t, strings.Contains(body, "pas de "+home.srv.URL), "the refusal names the account's instance")
	require.Equal(t, before.ID, tm.lastAudit().ID, "nothing changed")
}
