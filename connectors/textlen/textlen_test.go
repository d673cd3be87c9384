package textlen

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCount(t *testing.T) {
	t.Parallel()
	long := func(s string, n int) string { return strings.Repeat(s, n) }
	for _, tc := range []struct {
		name, platform, text string
		opt                  Options
		length, limit        int
		valid                bool
	}{
		{"x url", "x", "Réunion ce soir https://exemple.fr/agenda", Options{}, 39, 280, true},
		{"x emoji and cjk", "x", "🇫🇷 選挙", Options{}, 7, 280, true},
		{"x too long", "x", long("a", 281), Options{}, 281, 280, false},
		{"x bom", "x", "a\uFEFFb", Options{}, 4, 280, false},
		{"mastodon mention and url", "mastodon", "@alice@exemple.social voir https://exemple.fr/" + long("x", 100),
			Options{}, 6 + 6 + 23, 500, true},
		{"mastodon instance", "mastodon", long("é", 600), Options{MaxChars: 1000}, 600, 1000, true},
		{"mastodon url length", "mastodon", "https://exemple.fr/a", Options{URLLength: 10}, 10, 500, true},
		{"mastodon no bare domain", "mastodon", "exemple.fr", Options{}, 10, 500, true},
		{"mastodon graphemes", "mastodon", "👨‍👩‍👧‍👦", Options{}, 1, 500, true},
		{"bluesky graphemes", "bluesky", long("👨‍👩‍👧‍👦", 300), Options{}, 300, 300, false}, // 7,500 bytes
		{"bluesky ok", "bluesky", long("é", 300), Options{}, 300, 300, true},
		{"facebook", "facebook", long("a", 63207), Options{}, 63207, 63206, false},
		{"linkedin", "linkedin", long("é", 3000), Options{}, 3000, 3000, true},
		{"linkedin escaping", "linkedin", long("#", 1501), Options{}, 3002, 3000, false},
		{"threads emoji bytes", "threads", "ok 😷", Options{}, 7, 500, true},
		{"telegram utf16", "telegram", long("😷", 2049), Options{}, 4098, 4096, false},
		{"sandbox", "sandbox", long("a", 5001), Options{}, 5001, 5000, false},
		{"empty", "x", "", Options{}, 0, 280, false},
		{"blank", "bluesky", "  \n", Options{}, 3, 300, false},
		{"invalid utf8", "mastodon", "a\xffb", Options{}, 3, 500, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Count(tc.platform, tc.text, tc.opt)
			require.NoError(t, err)
			require.Equal(t, tc.platform, r.Platform)
			require.Equal(t, tc.length, r.Length)
			require.Equal(t, tc.limit, r.Limit)
			require.Equal(t, tc.valid, r.Valid, "problems: %v", r.Problems)
			require.Equal(t, tc.valid, len(r.Problems) == 0)
		})
	}
}

func TestCountProblems(t *testing.T) {
	t.Parallel()
	r, err := Count("x", strings.Repeat("a", 312), Options{})
	require.NoError(t, err)
	require.Equal(t, []string{"text is 312 weighted characters, X allows 280"}, r.Problems)

	r, err = Count("bluesky", strings.Repeat("日", 1001), Options{})
	require.NoError(t, err)
	require.Equal(t, []string{
		"text is 1001 graphemes, Bluesky allows 300",
		"text is 3003 bytes in UTF-8, Bluesky allows 3000",
	}, r.Problems)
}

func TestEscapeLittleText(t *testing.T) {
	t.Parallel()
	require.Equal(t, `Meeting \(Lyon\) \#municipales \@team`, EscapeLittleText("Meeting (Lyon) #municipales @team"))
	require.Equal(t, "plain é", EscapeLittleText("plain é"))
}

func TestCountUnknownPlatform(t *testing.T) {
	t.Parallel()
	_, err := Count("myspace", "hello", Options{})
	require.EqualError(t, err, `textlen: unknown platform "myspace"`)
}

func TestResultJSONProblemsNeverNull(t *testing.T) {
	t.Parallel()
	r, err := Count("x", "bonjour", Options{})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.JSONEq(t, `{"platform":"x","length":7,"limit":280,"valid":true,"problems":[]}`, string(b))
}

func TestPlatformsAllCount(t *testing.T) {
	t.Parallel()
	for _, p := range Platforms() {
		_, err := Count(p, "bonjour", Options{})
		require.NoError(t, err, p)
	}
}
