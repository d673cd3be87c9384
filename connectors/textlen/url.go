package textlen

import (
	"strings"
	"unicode/utf8"
)

// URLSpan is a URL found in a text, as twitter-text extracts it: URL is the
// URL's text and [Start, End) its byte offsets in the text searched.
type URLSpan struct {
	URL   string `json:"url"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// maxURLLength is twitter-text's longest URL, protocol included, in UTF-16
// code units; maxTcoSlug the longest t.co slug.
const (
	maxURLLength = 4096
	maxTcoSlug   = 40
)

// urlMatch is one match of twitter-text's extractUrl expression.
type urlMatch struct {
	before     string // the preceding character, "" at the start of text
	start, end int    // the URL's byte offsets
	protocol   string
	domain     string
	path       string // "/..." or ""
}

// ExtractURLs returns the URLs of text as twitter-text recognises them,
// with or without a protocol, in order. It never panics; invalid UTF-8
// bytes count as U+FFFD.
func ExtractURLs(text string) []URLSpan { return extractURLs(text, true) }

// extractURLs scans text as twitter-text's extractUrlsWithIndices does; a
// match that turns out invalid is skipped and scanning resumes after it.
func extractURLs(text string, withoutProtocol bool) []URLSpan {
	if !strings.Contains(text, ".") {
		return nil
	}
	var urls []URLSpan
	sc := newURLScanner(text)
	for pos := 0; pos < len(text); {
		m, ok := sc.nextURL(pos)
		if !ok {
			break
		}
		pos = m.end
		urls = appendURL(urls, text, m, withoutProtocol)
	}
	return urls
}

// appendURL applies twitter-text's checks to a match and appends what they
// keep.
func appendURL(urls []URLSpan, text string, m urlMatch, withoutProtocol bool) []URLSpan {
	url := text[m.start:m.end]
	protocol := m.protocol
	if protocol == "" {
		protocol = "https://"
	}
	if !validURLLength(url, protocol, m.domain) {
		return urls
	}
	if m.protocol != "" {
		return appendProtocolURL(urls, url, m)
	}
	if !withoutProtocol || strings.ContainsAny(m.before, "-_./") {
		return urls
	}
	return appendASCIIDomains(urls, url, m)
}

// appendProtocolURL keeps a URL with a protocol; t.co URLs stop after their
// slug and query, and are dropped if the slug is too long.
func appendProtocolURL(urls []URLSpan, url string, m urlMatch) []URLSpan {
	if loc := tcoURL.FindStringSubmatchIndex(url); loc != nil {
		if loc[3]-loc[2] > maxTcoSlug {
			return urls
		}
		url = url[:loc[1]]
	}
	return append(urls, URLSpan{URL: url, Start: m.start, End: m.start + len(url)})
}

// appendASCIIDomains keeps, from a URL without protocol, the ASCII domains
// inside its domain; the last one gets the URL's path and query.
func appendASCIIDomains(urls []URLSpan, url string, m urlMatch) []URLSpan {
	found := asciiDomains(m.domain)
	if len(found) == 0 {
		return urls
	}
	for i, d := range found {
		span := URLSpan{URL: m.domain[d[0]:d[1]], Start: m.start + d[0], End: m.start + d[1]}
		last := i == len(found)-1
		if last && m.path != "" {
			span.URL += url[len(m.domain):]
			span.End = m.end
		}
		urls = append(urls, span)
	}
	return urls
}

// nextURL finds the first match of the URL expression at or after pos. A
// URL must follow a character other than [A-Za-z0-9@＠$#＃] and the
// invalid characters (directional marks are allowed), or start the text.
func (s *urlScanner) nextURL(pos int) (urlMatch, bool) {
	for i := pos; i < len(s.text); {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		if validURLPreceding(r) {
			if m, ok := s.matchURLAt(i + size); ok {
				m.before = s.text[i : i+size]
				return m, true
			}
		}
		if i == 0 {
			if m, ok := s.matchURLAt(0); ok {
				return m, true
			}
		}
		i += size
	}
	return urlMatch{}, false
}

func validURLPreceding(r rune) bool {
	if isDirectional(r) {
		return true
	}
	if r < utf8.RuneSelf && isASCIIAlnum(byte(r)) {
		return false
	}
	switch r {
	case '@', '＠', '$', '#', '＃':
		return false
	}
	return !isInvalidChar(r)
}
