package textlen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// mastodonURLLength is characters_reserved_per_url's default.
const mastodonURLLength = 23

// mastodonMention is Mastodon's Account::MENTION_RE without its lookbehind:
// @user, optionally @domain.
var mastodonMention = regexp.MustCompile(
	`(?i)@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{M}\p{N}\p{Pc}.\-]+[\p{L}\p{M}\p{N}\p{Pc}]+)?`)

// countMastodon counts as Mastodon's StatusLengthValidator: grapheme
// clusters of the text where each URL with a protocol is replaced by
// URLLength placeholder characters and each @user@domain by @user.
func countMastodon(ru rule, r *Result, text string, opt Options) {
	urlLen := opt.URLLength
	if urlLen <= 0 {
		urlLen = mastodonURLLength
	}
	r.Length = uniseg.GraphemeClusterCount(mastodonCountable(text, urlLen))
	ru.checkLimit(r)
}

// mastodonCountable rewrites text for counting.
func mastodonCountable(text string, urlLen int) string {
	var b strings.Builder
	placeholder := "\x01" + strings.Repeat("x", urlLen-1) // Mastodon's URL_PLACEHOLDER
	urls := extractURLs(text, false)
	pos := 0
	for _, m := range mastodonMentions(text, urls) {
		pos = rewriteURLs(&b, text, pos, m[0], &urls, placeholder)
		b.WriteString(text[m[0]:m[3]])
		pos = m[1]
	}
	rewriteURLs(&b, text, pos, len(text), &urls, placeholder)
	return b.String()
}

// rewriteURLs copies text[pos:end] to b with URLs replaced.
func rewriteURLs(b *strings.Builder, text string, pos, end int, urls *[]URLSpan, ph string) int {
	for len(*urls) > 0 && (*urls)[0].End <= end {
		u := (*urls)[0]
		*urls = (*urls)[1:]
		b.WriteString(text[pos:u.Start])
		b.WriteString(ph)
		pos = u.End
	}
	b.WriteString(text[pos:end])
	return end
}

// mastodonMentions returns the mentions outside URLs as submatch indices
// (whole match, username); a mention may not follow "=", "/" or a word
// character.
func mastodonMentions(text string, urls []URLSpan) [][]int {
	var out [][]int
	for _, m := range mastodonMention.FindAllStringSubmatchIndex(text, -1) {
		prev, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		if m[0] > 0 && (prev == '=' || prev == '/' || isWordRune(prev)) {
			continue
		}
		if !overlapsURL(m[0], m[1], urls) {
			out = append(out, m)
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.Pc)
}

func overlapsURL(start, end int, urls []URLSpan) bool {
	for _, u := range urls {
		if start < u.End && u.Start < end {
			return true
		}
	}
	return false
}
