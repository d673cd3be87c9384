package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVideoMemberQuota: a member's videos no post carries (unfinished or
// not attached) may hold at most RELAIS_VIDEO_MEMBER_QUOTA (1 MB here).
// Past it a new upload is refused at once, the limit and what she holds
// named in her language, and nothing is stored; another member is not
// concerned; once her video is attached to a post it no longer counts.
func TestVideoMemberQuota(t *testing.T) {
	t.Parallel()
	tm := mustRunDemoWith(t, func(m *Main) { m.cfg.VideoMemberQuota = 1 << 20 })
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	clip := testMP4(12, 600<<10)
	first := tm.uploadVideo(cm, "local.mp4", clip)
	stored := func() int {
		es, err := os.ReadDir(filepath.Join(tm.env.DataDir, "uploads"))
		require.NoError(t, err)
		return len(es)
	}
	before := stored()

	create := fmt.Sprintf(`{"filename":"marche.mp4","size":%d}`, len(clip))
	var e apiErr
	require.Equal(t, http.StatusRequestEntityTooLarge, tm.call(cm, "POST", "/api/videos/uploads", create, &e))
	require.Equal(t, "size", e.Error.Field)
	require.Contains(t, e.Error.Message, "vous dépasseriez la limite de 1,0\u00a0Mo par membre")
	require.Contains(t, e.Error.Message, strings.Replace(fmt.Sprintf("occupent %.1f\u00a0Mo", float64(len(clip))/(1<<20)), ".", ",", 1))
	require.Equal(t, http.StatusRequestEntityTooLarge, tm.call(cm, "POST", "/api/videos/uploads?lang=en", create, &e))
	require.Contains(t, e.Error.Message, "you would exceed the limit of 1.0 MB per member")
	require.Equal(t, before, stored(), "nothing stored")

	editor := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	require.Equal(t, http.StatusCreated, tm.call(editor, "POST", "/api/videos/uploads", create, nil), "her quota is her own")

	body := fmt.Sprintf(`{"text":"Ce soir au local de campagne","targets":[%d],"scheduled_at":"%s","video":{"upload_id":%q}}`,
		demoAccount(t, tm, cm, "campaign"), inHours(3), first)
	var p json.RawMessage
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", body, &p))
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/videos/uploads", create, nil), "an attached video no longer counts")
}

// TestVideoQuotaNotFreedByDeletedPost: attaching a video to a post and
// deleting the post must not free the quota (the deleted post's file is
// kept for the history, 30 days by default): else a member could hold
// any number of videos by attaching each to a post she deletes at once.
func TestVideoQuotaNotFreedByDeletedPost(t *testing.T) {
	t.Parallel()
	tm := mustRunDemoWith(t, func(m *Main) { m.cfg.VideoMemberQuota = 1 << 20 })
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	clip := testMP4(12, 600<<10)
	first := tm.uploadVideo(cm, "local.mp4", clip)
	body := fmt.Sprintf(`{"text":"Ce soir au local de campagne","targets":[%d],"scheduled_at":"%s","video":{"upload_id":%q}}`,
		demoAccount(t, tm, cm, "campaign"), inHours(3), first)
	var p struct{ ID int64 }
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", body, &p))
	require.Equal(t, http.StatusNoContent, tm.call(cm, "DELETE", fmt.Sprintf("/api/posts/%d", p.ID), nil, nil))

	create := fmt.Sprintf(`{"filename":"marche.mp4","size":%d}`, len(clip))
	var e apiErr
	require.Equal(t, http.StatusRequestEntityTooLarge, tm.call(cm, "POST", "/api/videos/uploads", create, &e),
		"the deleted post's video still counts")
	require.Equal(t, "size", e.Error.Field)
}
