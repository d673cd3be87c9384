package bluesky

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bluesky-social/indigo/api/bsky"
	"github.com/relais/relais/connectors/textlen"
)

// The patterns follow Bluesky's own detection (docs.bsky.app, "Links,
// mentions and rich text"): a mention is a full handle after "@", a link
// an http(s) URL or a bare domain with a known TLD (bareLinks), a hashtag
// "#" then non-space text that is not only digits. A space is any Unicode
// space (\p{Z}: U+00A0 and U+202F, which French typography puts before
// "!", "?", ":", ";" and "»" and after "«"), as in the reference client,
// whose JavaScript \s covers them.
var (
	mentionRE = regexp.MustCompile(`(?:^|[\s\p{Z}(])(@(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)`)
	linkRE    = regexp.MustCompile(`(?:^|[\s\p{Z}(])(https?://[^\s\p{Z}]+)`)
	tagRE     = regexp.MustCompile(`(?:^|[\s\p{Z}])([#＃][^\s\p{Z}]+)`)
)

// MaxTagLength is the longest hashtag Bluesky links, in characters.
const MaxTagLength = 64

// span is a detected facet: byte offsets into the text and its value (a
// handle, a URL or a tag).
type span struct {
	start, end int
	value      string
}

// Mentions returns the handles mentioned in text, with their byte spans.
func mentions(text string) []span {
	var out []span
	for _, m := range mentionRE.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, span{m[2], m[3], text[m[2]+1 : m[3]]})
	}
	return out
}

// links returns the URLs in text, trailing punctuation excluded.
func links(text string) []span {
	var out []span
	for _, m := range linkRE.FindAllStringSubmatchIndex(text, -1) {
		u := trimURL(text[m[2]:m[3]])
		out = append(out, span{m[2], m[2] + len(u), u})
	}
	return out
}

// bareLinks returns the domains written without a protocol
// ("paris.fr/budget"), linked to https:// as the reference client does;
// the domain must end in a known TLD (twitter-text's extraction, which
// also leaves out e-mail addresses and handles after "@"). Spans that
// overlap a URL or a mention are skipped.
func bareLinks(text string, taken []span) []span {
	var out []span
	for _, u := range textlen.ExtractURLs(text) {
		if strings.Contains(u.URL, "://") || overlaps(taken, u.Start, u.End) {
			continue
		}
		v := trimURL(u.URL)
		out = append(out, span{u.Start, u.Start + len(v), "https://" + v})
	}
	return out
}

func overlaps(spans []span, start, end int) bool {
	for _, s := range spans {
		if start < s.end && s.start < end {
			return true
		}
	}
	return false
}

func trimURL(u string) string {
	u = strings.TrimRight(u, ".,;:!?\"'»")
	if strings.HasSuffix(u, ")") && !strings.Contains(u, "(") {
		u = strings.TrimSuffix(u, ")")
	}
	return u
}

// tags returns the hashtags in text (the value without "#").
func tags(text string) []span {
	var out []span
	for _, m := range tagRE.FindAllStringSubmatchIndex(text, -1) {
		raw := strings.TrimRightFunc(text[m[2]:m[3]], unicode.IsPunct)
		_, hashLen := utf8.DecodeRuneInString(raw)
		tag := raw[hashLen:]
		if tag == "" || strings.HasPrefix(tag, "\ufe0f") || utf8.RuneCountInString(tag) > MaxTagLength ||
			strings.TrimFunc(tag, unicode.IsDigit) == "" {
			continue
		}
		out = append(out, span{m[2], m[2] + len(raw), tag})
	}
	return out
}

// facets builds the post's facets; dids maps each mentioned handle to its
// DID (see resolveMentions).
func facets(text string, dids map[string]string) []*bsky.RichtextFacet {
	var fs []*bsky.RichtextFacet
	for _, s := range mentions(text) {
		fs = append(fs, facet(s, &bsky.RichtextFacet_Features_Elem{RichtextFacet_Mention: &bsky.RichtextFacet_Mention{Did: dids[s.value]}}))
	}
	ls := links(text)
	ls = append(ls, bareLinks(text, append(mentions(text), ls...))...)
	for _, s := range ls {
		fs = append(fs, facet(s, &bsky.RichtextFacet_Features_Elem{RichtextFacet_Link: &bsky.RichtextFacet_Link{Uri: s.value}}))
	}
	for _, s := range tags(text) {
		fs = append(fs, facet(s, &bsky.RichtextFacet_Features_Elem{RichtextFacet_Tag: &bsky.RichtextFacet_Tag{Tag: s.value}}))
	}
	return fs
}

func facet(s span, f *bsky.RichtextFacet_Features_Elem) *bsky.RichtextFacet {
	return &bsky.RichtextFacet{
		Index:    &bsky.RichtextFacet_ByteSlice{ByteStart: int64(s.start), ByteEnd: int64(s.end)},
		Features: []*bsky.RichtextFacet_Features_Elem{f},
	}
}
