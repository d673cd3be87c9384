package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// uploadVideo sends clip through the resumable upload API in one chunk as
// token's member and returns the complete upload's id.
func (tm *testMain) uploadVideo(token, name string, clip []byte) string {
	tm.t.Helper()
	var u struct{ ID string }
	require.Equal(tm.t, http.StatusCreated, tm.call(token, "POST", "/api/videos/uploads", fmt.Sprintf(`{"filename":%q,"size":%d}`, name, len(clip)), &u))
	req, _ := http.NewRequest("PATCH", tm.URL+"/api/videos/uploads/"+u.ID, bytes.NewReader(clip))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Upload-Offset", "0")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(tm.t, err)
	resp.Body.Close()
	require.Equal(tm.t, http.StatusOK, resp.StatusCode)
	return u.ID
}

// videoPost creates a post on account carrying a freshly uploaded clip,
// as token's member, and submits it for approval when submit is set.
func (tm *testMain) videoPost(token string, account int64, clip []byte, submit bool) int64 {
	tm.t.Helper()
	id := tm.uploadVideo(token, "local.mp4", clip)
	var p postJSON
	body := fmt.Sprintf(`{"text":"Ce soir au local de campagne","targets":[%d],"scheduled_at":"%s","video":{"upload_id":%q}}`, account, inHours(3), id)
	require.Equal(tm.t, http.StatusCreated, tm.call(token, "POST", "/api/posts", body, &p))
	if submit {
		require.Equal(tm.t, http.StatusOK, tm.call(token, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	}
	return p.ID
}

// getVideo GETs path as token's member with an optional Range header.
func (tm *testMain) getVideo(token, path, rng string) (*http.Response, []byte) {
	tm.t.Helper()
	req, _ := http.NewRequest("GET", tm.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rng != "" {
		req.Header.Set("Range", rng)
	}
	resp, err := noRedirect.Do(req)
	require.NoError(tm.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestVideoPlayRoute: the post's approvers get its video with Range
// support and the container's type; a colistier, who may not see a post
// in review, gets 404, and so does a post without a video.
func TestVideoPlayRoute(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	cm := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	f := &fixture{t: t, tm: tm}
	f.campaign = demoAccount(t, tm, cm, "campaign")
	clip := testMP4(12, 96<<10)
	id := tm.videoPost(cm, f.campaign, clip, true)
	path := fmt.Sprintf("/posts/%d/video", id)

	editor := tm.cli("user", "token", "--email", "web@demo.relais.fr")
	resp, body := tm.getVideo(editor, path, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "video/mp4", resp.Header.Get("Content-Type"))
	require.Equal(t, "bytes", resp.Header.Get("Accept-Ranges"))
	require.Equal(t, clip, body)
	resp, body = tm.getVideo(editor, path, "bytes=1000-1999")
	require.Equal(t, http.StatusPartialContent, resp.StatusCode)
	require.Equal(t, fmt.Sprintf("bytes 1000-1999/%d", len(clip)), resp.Header.Get("Content-Range"))
	require.Equal(t, clip[1000:2000], body)

	colistier := tm.cli("user", "token", "--email", "colistier-11e@demo.relais.fr")
	resp, body = tm.getVideo(colistier, path, "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "a colistier may not see a post in review")
	require.NotContains(t, string(body), string(clip[:64]))
	resp, _ = tm.getVideo("", path, "")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, "signed out: to the login page")

	var plain postJSON
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", fmt.Sprintf(`{"text":"Sans vidéo","targets":[%d]}`, f.campaign), &plain))
	resp, _ = tm.getVideo(editor, fmt.Sprintf("/posts/%d/video", plain.ID), "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode)
}

// demoAccount returns the first demo account of owner kind kind.
func demoAccount(t *testing.T, tm *testMain, token, kind string) int64 {
	t.Helper()
	var accts struct {
		Accounts []struct {
			ID        int64
			OwnerKind string `json:"owner_kind"`
		}
	}
	require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/accounts", nil, &accts))
	for _, a := range accts.Accounts {
		if a.OwnerKind == kind {
			return a.ID
		}
	}
	t.Fatalf("no %s account", kind)
	return 0
}

// videoAccounts are the role matrix fixtures' campaign accounts that take
// videos (the fixture's own are sandboxes, which do not).
var videoAccounts sync.Map // *fixture -> int64

// videoAccount returns the fixture's Mastodon campaign account, added once.
func (f *fixture) videoAccount() int64 {
	if id, ok := videoAccounts.Load(f); ok {
		return id.(int64)
	}
	id := f.tm.addMastodon("avecanne-video", "https://social.example", "campaign")
	videoAccounts.Store(f, id)
	return id
}
