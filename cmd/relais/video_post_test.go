package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVideoPostOverHTTP: a completed upload is attached to a post by the
// post API (instead of images); the post carries the video's SHA-256 in
// its content; an unfinished or unknown upload is a field error.
func TestVideoPostOverHTTP(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	token := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	var accts struct {
		Accounts []struct {
			ID        int64
			Handle    string
			OwnerKind string `json:"owner_kind"`
		}
	}
	require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/accounts", nil, &accts))
	var campaign int64
	for _, a := range accts.Accounts {
		if a.OwnerKind == "campaign" && campaign == 0 {
			campaign = a.ID
		}
	}
	require.NotZero(t, campaign)

	clip := testMP4(20, 64<<10)
	sum := sha256.Sum256(clip)
	var u struct{ ID string }
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/videos/uploads", fmt.Sprintf(`{"filename":"local.mp4","size":%d}`, len(clip)), &u))
	post := func(id string) (int, map[string]any) {
		var out map[string]any
		body := fmt.Sprintf(`{"text":"Ce soir au local de campagne","targets":[%d],"video":{"upload_id":%q,"alt_text":"Le local, rue Oberkampf"}}`, campaign, id)
		return tm.call(token, "POST", "/api/posts", body, &out), out
	}
	status, out := post(u.ID)
	require.Equal(t, http.StatusBadRequest, status, "the upload is not complete yet")
	require.Equal(t, "video", out["error"].(map[string]any)["field"])

	req, _ := http.NewRequest("PATCH", tm.URL+"/api/videos/uploads/"+u.ID, bytes.NewReader(clip))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Upload-Offset", "0")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	status, out = post(u.ID)
	require.Equal(t, http.StatusCreated, status, "%v", out)
	video := out["video"].(map[string]any)
	require.Equal(t, hex.EncodeToString(sum[:]), video["sha256"])
	require.Equal(t, "Le local, rue Oberkampf", video["alt_text"])
	var got map[string]any
	require.Equal(t, http.StatusOK, tm.call(token, "GET", fmt.Sprintf("/api/posts/%d", int64(out["id"].(float64))), nil, &got))
	require.Equal(t, hex.EncodeToString(sum[:]), got["video"].(map[string]any)["sha256"])
	require.Equal(t, out["content_hash"], got["content_hash"])

	// The approvers see what they approve: the video's file, size and hash.
	page, _ := http.NewRequest("GET", fmt.Sprintf("%s/posts/%d?lang=en", tm.URL, int64(out["id"].(float64))), nil)
	page.Header.Set("Authorization", "Bearer "+token)
	resp, err = http.DefaultClient.Do(page)
	require.NoError(t, err)
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, string(html), `data-sha256="`+hex.EncodeToString(sum[:])+`"`)
	require.Contains(t, string(html), "local.mp4 — 1280×720, 20 s")
}
