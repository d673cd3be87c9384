package supporters

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

const (
	kitDest    = "https://avec-anne.fr/programme"
	kitDestAlt = "https://avec-anne.fr/programme-court"
)

// TestKitCarriesImageAndTrackedLinks sends a post with an image, a link
// and a variant with another link to two supporters of two districts,
// through the real SMTP server on loopback. Each message carries the
// image as a MIME part with its bytes, and every link of the text and
// the variant as a /l/ short link of the supporter channel and the
// supporter's district (so the two messages' codes differ); a short
// link from a message redirects to its destination on a real HTTP server
// and counts a click. The export lists the person's kit links and says
// that clicks are not recorded per person.
func TestKitCarriesImageAndTrackedLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		st := storetest.Open(t, dialect)
		pic := testPNG(t)
		postID := seedImageKits(t, st, pic)
		mux := http.NewServeMux()
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		linker, err := analytics.NewLinker(ctx, st, srv.URL)
		require.NoError(t, err)
		an := analytics.New(st, linker, nil)
		mux.Handle("GET /l/{code}", an.Redirector())
		mb := newMailbox(t)
		svc := New(st, Config{BaseURL: "https://relais.example"})
		k := NewKits(svc, kitSMTP(mb.addr.Port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
		k.SetLinker(linker)
		require.NoError(t, sendAll(ctx, st, k, postID))

		msgs := mb.messages()
		require.Len(t, msgs, 2)
		codes := map[string][]string{}
		for _, m := range msgs {
			text, img := kitParts(t, m)
			require.Equal(t, pic, img, "the post's image, byte for byte")
			require.Contains(t, text, "Affiche du meeting de jeudi", "the image's description")
			require.NotContains(t, text, "avec-anne.fr/programme", "no naked link left")
			codes[m.to] = shortCodes(srv.URL, text)
			require.Len(t, codes[m.to], 2, "one code for the text, one for the variant:\n%s", text)
		}
		require.Empty(t, commonCodes(codes["onze@exemple.fr"], codes["vingt@exemple.fr"]), "codes are per district")

		clickKitLink(t, srv.URL+"/l/"+codes["onze@exemple.fr"][0])
		require.NoError(t, an.Clicks.Flush(ctx))
		var links []store.LinkClicks
		storetest.Must(t, st.View(ctx, func(tx *store.Tx) (err error) { links, err = tx.PostLinks(postID); return err }))
		clicks := map[string]int64{}
		for _, l := range links {
			require.Equal(t, analytics.ChannelSupporter, l.Channel)
			clicks[l.Code] = l.Clicks
		}
		require.Len(t, clicks, 4, "two links for each of two districts")
		require.Equal(t, int64(1), clicks[codes["onze@exemple.fr"][0]])
		require.Equal(t, int64(1), sum(clicks), "only the click made counts")

		exp, err := svc.Export(AsOperator(ctx), "onze@exemple.fr")
		require.NoError(t, err)
		var exported []string
		for _, l := range exp.Links {
			require.Equal(t, "11e arrondissement", l.District)
			exported = append(exported, l.Code)
		}
		require.ElementsMatch(t, codes["onze@exemple.fr"], exported)
		require.False(t, exp.ClicksRecorded)
		require.Empty(t, exp.Clicks)
	})
}

// seedImageKits creates two consenting, mobilised supporters in two
// districts, a post with an image, a link and a variant with another
// link, and their queued kits (with the link as written, as a fan-out
// without tracking leaves it).
func seedImageKits(t *testing.T, st *store.Store, pic []byte) int64 {
	consent := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	var postID int64
	storetest.Must(t, st.Update(context.Background(), func(tx *store.Tx) error {
		if err := tx.CreateSupporters([]relais.Supporter{
			{Email: "onze@exemple.fr", District: "11e arrondissement", ConsentAt: &consent, ConsentSource: "test", Mobilised: true, Lang: "fr"},
			{Email: "vingt@exemple.fr", District: "20e arrondissement", ConsentAt: &consent, ConsentSource: "test", Mobilised: true, Lang: "fr"},
		}); err != nil {
			return err
		}
		author := &relais.Member{Email: "cm@exemple.fr", Name: "CM", Role: relais.RoleCommunityManager}
		if err := tx.CreateMember(author, ""); err != nil {
			return err
		}
		m := relais.Media{Filename: "affiche.png", ContentType: "image/png", AltText: "Affiche du meeting de jeudi", UploadedBy: author.ID}
		if err := tx.CreateMedia(&m, pic); err != nil {
			return err
		}
		p := &relais.Post{AuthorID: author.ID, Text: "Le programme complet : " + kitDest, State: relais.PostPublishing,
			Variants: map[relais.Platform]string{relais.PlatformX: "Le programme en bref : " + kitDestAlt}, Media: []relais.Media{m}}
		p.ContentHash = p.Hash()
		if err := tx.CreatePost(p); err != nil {
			return err
		}
		postID = p.ID
		ids, err := tx.SupporterIDs(nil)
		if err != nil {
			return err
		}
		sg := make([]relais.Suggestion, len(ids))
		for i, id := range ids {
			sg[i] = relais.Suggestion{PostID: p.ID, SupporterID: id, Text: p.Text, NotBefore: tx.Now()}
		}
		return tx.InsertSuggestions(sg)
	}))
	return postID
}

// testPNG is a small real PNG image.
func testPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 8 {
		img.Set(i, i, color.RGBA{200, 0, 80, 255})
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

// kitParts reads a received kit as MIME: its text (decoded) and its one
// image part's bytes.
func kitParts(t *testing.T, m received) (text string, img []byte) {
	mt, params, err := mime.ParseMediaType(m.header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/mixed", mt)
	mr := multipart.NewReader(strings.NewReader(m.body), params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return text, img
		}
		require.NoError(t, err)
		raw, err := io.ReadAll(p)
		require.NoError(t, err)
		switch ct := p.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/plain"):
			b, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
			require.NoError(t, err)
			text = string(b)
		case strings.HasPrefix(ct, "image/png"):
			require.Nil(t, img, "one image part")
			require.Equal(t, "base64", p.Header.Get("Content-Transfer-Encoding"))
			img, err = base64.StdEncoding.DecodeString(strings.ReplaceAll(string(raw), "\n", ""))
			require.NoError(t, err)
		default:
			t.Fatalf("unexpected part %q", ct)
		}
	}
}

// shortCodes returns the distinct /l/ codes on base in text, in order.
func shortCodes(base, text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(regexp.QuoteMeta(base)+`/l/([0-9A-Za-z]{10})`).FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// clickKitLink follows a short link as a person's browser would and
// checks the redirect to the post's link.
func clickKitLink(t *testing.T, u string) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequest("GET", u, nil)
	require.NoError(t, err)
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
	res, err := c.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusFound, res.StatusCode)
	require.Equal(t, kitDest, res.Header.Get("Location"))
}

func commonCodes(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
			}
		}
	}
	return out
}

func sum(m map[string]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}

// TestDigestCarriesImages: a supporter who chose the daily digest gets the
// post's image in it too, attached and named under its text, with the
// links tracked, as a kit per post carries them.
func TestDigestCarriesImages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		ctx := context.Background()
		st := storetest.Open(t, dialect)
		pic := testPNG(t)
		postID := seedImageKits(t, st, pic)
		storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
			sp, err := tx.SupporterByEmail("onze@exemple.fr")
			if err != nil {
				return err
			}
			return tx.SetSupporterKitMode(sp.ID, relais.KitDigest)
		}))
		linker, err := analytics.NewLinker(ctx, st, "https://r.relais.example")
		require.NoError(t, err)
		mb := newMailbox(t)
		svc := New(st, Config{BaseURL: "https://relais.example"})
		k := NewKits(svc, kitSMTP(mb.addr.Port), 0, slog.New(slog.NewTextHandler(io.Discard, nil)))
		k.SetLinker(linker)
		require.NoError(t, sendAll(ctx, st, k, postID))
		require.Len(t, mb.messages(), 1, "the other supporter's kit; the digest waits")
		require.NoError(t, k.SendDigests(ctx))
		msgs := mb.messages()
		require.Len(t, msgs, 2)
		d := msgs[1]
		require.Equal(t, "onze@exemple.fr", d.to)
		require.Contains(t, d.header.Get("Message-Id"), "digest-")
		text, img := kitParts(t, d)
		require.Equal(t, pic, img, "the post's image, byte for byte")
		require.Contains(t, text, "Affiche du meeting de jeudi", "the image's description")
		require.NotContains(t, text, "avec-anne.fr/programme", "no naked link left")
		require.NotEmpty(t, shortCodes("https://r.relais.example", text))
	})
}
