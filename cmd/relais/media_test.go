package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// tinyPNG returns a small valid PNG.
func tinyPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// mediaJSON is the JSON upload body for data.
func mediaJSON(name string, data []byte) string {
	b, _ := json.Marshal(map[string]string{"filename": name, "data": base64.StdEncoding.EncodeToString(data), "alt_text": "Affiche de la réunion"})
	return string(b)
}

// upload stores an image as token's member and returns its ID.
func (tm *testMain) upload(token, name string, data []byte) int64 {
	tm.t.Helper()
	var m struct{ ID int64 }
	require.Equal(tm.t, http.StatusCreated, tm.call(token, "POST", "/api/media", mediaJSON(name, data), &m))
	return m.ID
}

// TestMediaPublishedWithPost uploads an image, attaches it, checks that it
// is bound to the approval and that the platform receives it.
func TestMediaPublishedWithPost(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	editor := tm.member("web@example.org", "editor")
	tm.cli("account", "add", "--platform", "x", "--handle", "avecanne", "--owner", "campaign", "--base-url", "sandbox:")
	img := tm.upload(cm, "affiche.png", tinyPNG(t))

	var p postJSON
	body := fmt.Sprintf(`{"text":"Réunion publique jeudi 19h","targets":["@avecanne"],"media":[%d]}`, img)
	require.Equal(t, http.StatusCreated, tm.call(cm, "POST", "/api/posts", body, &p))
	withImage := p.ContentHash
	require.Equal(t, http.StatusOK, tm.call(cm, "PUT", fmt.Sprintf("/api/posts/%d", p.ID),
		`{"text":"Réunion publique jeudi 19h","targets":["@avecanne"]}`, &p))
	require.NotEqual(t, withImage, p.ContentHash, "the images are part of the approved content")
	require.Equal(t, http.StatusOK, tm.call(cm, "PUT", fmt.Sprintf("/api/posts/%d", p.ID), body, &p))
	require.Equal(t, withImage, p.ContentHash)

	require.Equal(t, http.StatusOK, tm.call(cm, "POST", fmt.Sprintf("/api/posts/%d/submit", p.ID), nil, &p))
	require.Equal(t, http.StatusOK, tm.call(editor, "POST", fmt.Sprintf("/api/posts/%d/approve", p.ID),
		map[string]any{"content_hash": p.ContentHash}, &p))
	waitState(t, tm, editor, p.ID, "published")
	entries := tm.sandbox.Entries()
	require.Len(t, entries, 1)
	require.Equal(t, []string{"affiche.png"}, entries[0].Media)

	resp, err := http.Get(tm.URL + fmt.Sprintf("/media/%d", img))
	require.NoError(t, err)
	resp.Body.Close()
	require.NotEqual(t, "image/png", resp.Header.Get("Content-Type"), "images need a session")
}

// TestMediaBadInput refuses what no platform could take, before anything
// is stored or sent.
func TestMediaBadInput(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	cm := tm.member("cm@example.org", "community_manager")
	colistier := tm.member("col@example.org", "colistier")
	tm.cli("account", "add", "--platform", "x", "--handle", "avecanne", "--owner", "campaign", "--base-url", "sandbox:")
	var e apiErr
	require.Equal(t, http.StatusBadRequest, tm.call(cm, "POST", "/api/media", mediaJSON("tract.pdf", []byte("%PDF-1.7 tract")), &e))
	require.Equal(t, "file", e.Error.Field)
	require.Contains(t, e.Error.Message, "application/pdf")
	big := append(tinyPNG(t), bytes.Repeat([]byte{0}, 5<<20)...)
	require.Equal(t, http.StatusRequestEntityTooLarge, tm.call(cm, "POST", "/api/media", mediaJSON("big.png", big), &e))
	require.Equal(t, http.StatusBadRequest, tm.call(cm, "POST", "/api/media", `{"filename":"a.png","data":"%%%"}`, &e))
	require.Equal(t, "data", e.Error.Field)
	require.Equal(t, http.StatusForbidden, tm.call(colistier, "POST", "/api/media", mediaJSON("a.png", tinyPNG(t)), &e))

	ids := make([]string, 5)
	for i := range ids {
		ids[i] = fmt.Sprint(tm.upload(cm, fmt.Sprintf("p%d.png", i), tinyPNG(t)))
	}
	body := `{"text":"Cinq images","targets":["@avecanne"],"media":[` + strings.Join(ids, ",") + `]}`
	require.Equal(t, http.StatusBadRequest, tm.call(cm, "POST", "/api/posts", body, &e))
	require.Equal(t, "media", e.Error.Field)
	require.Equal(t, http.StatusBadRequest, tm.call(cm, "POST", "/api/posts", `{"text":"x","targets":["@avecanne"],"media":[999]}`, &e))
	require.Equal(t, "media", e.Error.Field)
}
