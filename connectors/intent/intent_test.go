package intent

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	text = "Élections : 15 & 22 mars 🗳️ #Paris2026 — votez Anne !"
	link = "https://avec-anne.fr/r/a1b2?src=kit&d=11e"
)

func TestLinksExact(t *testing.T) {
	t.Parallel()
	ls := Links(text, link, "mastodon.social")
	enc := "%C3%89lections%20%3A%2015%20%26%2022%20mars%20%F0%9F%97%B3%EF%B8%8F%20%23Paris2026%20%E2%80%94%20votez%20Anne%20%21"
	encLink := "https%3A%2F%2Favec-anne.fr%2Fr%2Fa1b2%3Fsrc%3Dkit%26d%3D11e"
	want := []Link{
		{"x", "Publier sur X", "https://x.com/intent/post?text=" + enc + "&url=" + encLink},
		{"bluesky", "Publier sur Bluesky", "https://bsky.app/intent/compose?text=" + enc + "%20" + encLink},
		{"mastodon", "Publier sur Mastodon", "https://mastodon.social/share?text=" + enc + "%20" + encLink},
		{"facebook", "Partager sur Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + encLink},
		{"whatsapp", "Envoyer sur WhatsApp", "https://wa.me/?text=" + enc + "%20" + encLink},
		{"linkedin", "Partager sur LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + encLink},
	}
	require.Equal(t, want, ls)
}

// TestLinksRoundTrip decodes each link as the platform would and gets the
// text and the link back intact.
func TestLinksRoundTrip(t *testing.T) {
	t.Parallel()
	for _, l := range Links(text, link, "https://piaille.fr/") {
		u, err := url.Parse(l.URL)
		require.NoError(t, err, l.Platform)
		require.Empty(t, u.Fragment, "a # in the text must not start a fragment")
		q := u.Query()
		switch l.Platform {
		case "x":
			require.Equal(t, text, q.Get("text"))
			require.Equal(t, link, q.Get("url"))
		case "facebook":
			require.Equal(t, link, q.Get("u"))
		case "linkedin":
			require.Equal(t, link, q.Get("url"))
		case "mastodon":
			require.Equal(t, "piaille.fr", u.Host)
			require.Equal(t, text+" "+link, q.Get("text"))
		default:
			require.Equal(t, text+" "+link, q.Get("text"), l.Platform)
		}
		require.Len(t, q, map[bool]int{true: 2, false: 1}[l.Platform == "x"], l.Platform)
	}
}

func TestLinksWithoutLinkOrInstance(t *testing.T) {
	t.Parallel()
	ls := Links("Bonjour Paris", "", "")
	var names []string
	for _, l := range ls {
		names = append(names, l.Platform)
	}
	require.Equal(t, []string{"x", "bluesky", "whatsapp"}, names)
	require.Equal(t, "https://x.com/intent/post?text=Bonjour%20Paris", ls[0].URL)
	require.Len(t, Links("Bonjour", "", "pas une instance"), 3, "a bad instance is left out")
}
