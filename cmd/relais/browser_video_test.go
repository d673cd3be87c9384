package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/relais/relais/internal/testclip"
)

// chooseVideo writes data to a file named name and chooses it in the
// compose page's video widget.
func (b *browser) chooseVideo(name string, data []byte) {
	b.t.Helper()
	path := filepath.Join(b.t.TempDir(), name)
	require.NoError(b.t, os.WriteFile(path, data, 0o600))
	b.do(chromedp.SetUploadFiles(chromedp.CSS("#video-file"), []string{path}))
}

// phone sets a 375 px phone's viewport.
func (b *browser) phone() { b.do(chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile)) }

// refused chooses a bad file and waits for the widget's error.
func (b *browser) refused(name string, data []byte) string {
	b.t.Helper()
	b.chooseVideo(name, data)
	b.waitJS("the refusal of "+name, `!document.getElementById("video-error").hidden && !document.getElementById("video").hasAttribute("aria-busy")`)
	require.Empty(b.t, eval[string](b, `document.getElementById("video-upload").value`), "no video attached")
	return b.text("#video-error")
}

// uploadsOnDisk counts the files under the video uploads directory.
func uploadsOnDisk(t *testing.T, tm *testMain) int {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(tm.env.DataDir, "uploads"))
	require.NoError(t, err)
	return len(entries)
}

// TestBrowserComposeVideo: on a 375 px phone a community manager chooses
// an MP4 in the compose page; it goes up in chunks, resumes from the
// server's offset after a lost answer, shows its progress and what the
// container says; bad files are refused in the page's language and
// nothing is kept. The submitted post carries the video, and the
// approver's page plays it.
func TestBrowserComposeVideo(t *testing.T) {
	exe := chromiumPath(t)
	tm := mustRunDemo(t)
	art := artifactsDir(t)
	cm := newBrowser(t, exe, tm.URL, art)
	cm.phone()
	cm.login("cm@demo.relais.fr")
	cm.open("/compose")
	cm.do(chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)))
	before := uploadsOnDisk(t, tm)

	// Bad files: refused in French, nothing stored.
	require.Contains(t, cm.refused("notes.mp4", []byte("ceci n'est pas une vidéo, juste du texte")), "n'est pas une vidéo")
	clip := testclip.Playable(160, 96, 10, 20)
	require.Equal(t, "Vidéo : le fichier est tronqué ou abîmé.", cm.refused("coupee.mp4", clip[:len(clip)/2]), "French only")
	require.Contains(t, cm.refused("vide.mp4", testclip.MP4(160, 96, 0, 512, 1)), "0 seconde")
	require.Equal(t, "Vidéo : X accepte 140,0\u00a0s au plus (ici 200,0\u00a0s).", cm.refused("long.mp4", testclip.MP4(160, 96, 200, 512, 1)), "X's limit is named, in French only")
	require.Equal(t, before, uploadsOnDisk(t, tm), "nothing stored")
	cm.shoot("compose-video-refused")
	cm.phone() // shoot left it at 1280 px

	// A good clip in 64 KB chunks; the answer to the third chunk is lost:
	// the widget asks the server for its offset and resumes from there.
	eval[bool](cm, `(() => { document.getElementById("video").dataset.chunk = "65536";
		const orig = window.fetch; window.__patches = 0; window.__status = 0;
		window.fetch = function (u, o) {
			if (o && o.method === "PATCH" && ++window.__patches === 3) return orig(u, o).then(() => { throw new TypeError("network") });
			if (o && o.method === "GET" && String(u).indexOf("/api/videos/uploads/") >= 0) window.__status++;
			return orig(u, o);
		}; return true })()`)
	cm.chooseVideo("local.mp4", clip)
	cm.waitJS("the upload", `document.getElementById("video-upload").value !== ""`)
	sum := sha256.Sum256(clip)
	require.Equal(t, hex.EncodeToString(sum[:]), eval[string](cm, `document.getElementById("video").dataset.sha256`), "the same SHA-256 after resuming")
	require.Positive(t, eval[int](cm, `window.__status`), "the widget asked for the offset")
	require.GreaterOrEqual(t, eval[int](cm, `window.__patches`), len(clip)/65536+1)
	require.Equal(t, 100, eval[int](cm, `document.getElementById("video-progress").value`))
	require.Contains(t, cm.text("#video-status"), "160×96, 2.0 s, H.264")
	require.LessOrEqual(t, eval[int](cm, `document.documentElement.scrollWidth`), 375, "no horizontal scroll on a phone")

	// An optional thumbnail, a description, then the post.
	thumb := filepath.Join(t.TempDir(), "vignette.png")
	require.NoError(t, os.WriteFile(thumb, tinyPNG(t), 0o600))
	cm.do(chromedp.SetUploadFiles(chromedp.CSS("#video-thumb-file"), []string{thumb}))
	cm.waitJS("the thumbnail", `document.getElementById("video-thumbnail").value !== ""`)
	cm.do(chromedp.SendKeys(chromedp.CSS("#video-alt"), "Le local de campagne, rue Oberkampf"),
		chromedp.SendKeys(chromedp.CSS("#text"), "Ce soir au local de campagne : venez nombreux !"))
	cm.shoot("compose-video")
	cm.do(chromedp.Click(chromedp.CSS(`#compose button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("article[data-post]")))
	id, err := strconv.ParseInt(eval[string](cm, `document.querySelector("article[data-post]").dataset.post`), 10, 64)
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(sum[:]), eval[string](cm, `document.getElementById("post-video").dataset.sha256`))
	require.Equal(t, 2, uploadsOnDisk(t, tm)-before, "the clip and its record, once")

	// The approver plays it on a phone, in French then in English.
	editor := newBrowser(t, exe, tm.URL, art)
	editor.phone()
	editor.login("web@demo.relais.fr")
	for _, lang := range []string{"fr", "en"} {
		editor.open("/posts/" + strconv.FormatInt(id, 10) + "?lang=" + lang)
		editor.waitJS("the video's metadata", `document.getElementById("post-video-player").readyState >= 1`)
		require.InDelta(t, 2.0, eval[float64](editor, `document.getElementById("post-video-player").duration`), 0.05)
		require.Regexp(t, regexp.MustCompile(`^/media/\d+$`), eval[string](editor, `new URL(document.querySelector("#post-video-thumb img").src).pathname`))
		require.LessOrEqual(t, eval[int](editor, `document.documentElement.scrollWidth`), 375, "no horizontal scroll on a phone")
		editor.shoot("post-video-" + lang)
		editor.phone()
	}
	require.NotEmpty(t, editor.text(`form[action$="/decide"]`), "the approver decides on the same page")

	// In English, the refusal is in English.
	cm.open("/compose?lang=en")
	cm.do(chromedp.Click(chromedp.CSS(`input[name=target][data-handle="avecanne"][data-platform="x"]`)))
	require.Equal(t, "Video: this file is not an MP4, MOV or WebM video.", cm.refused("notes.mp4", []byte("just some text, not a video at all")))
	require.Equal(t, "Video: X allows at most 140.0 s (this is 200.0 s).", cm.refused("long.mp4", testclip.MP4(160, 96, 200, 512, 1)), "in English only")
	cm.shoot("compose-video-en")
}
