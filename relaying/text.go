package relaying

import (
	"html"
	"regexp"
	"strings"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// PlainText is a post's text without markup: Mastodon gives statuses as
// HTML (paragraphs, links), Bluesky and X as plain text, unchanged here.
func PlainText(s string) string {
	s = strings.NewReplacer("</p><p>", "\n\n", "<br>", "\n", "<br/>", "\n", "<br />", "\n").Replace(s)
	return strings.TrimSpace(html.UnescapeString(tags.ReplaceAllString(s, "")))
}
