package main

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// A tiny CSS-selector check for server-rendered pages (golang.org/x/net/html
// is not a dependency): a selector is one compound selector, tag#id.class
// [attr] [attr=value], matched against the start tags of the page.

var (
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>`)
	tagAttr  = regexp.MustCompile(`([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?`)
	selPart  = regexp.MustCompile(`^([a-zA-Z0-9-]*)((?:[#.][\w-]+)*)((?:\[[^\]]+\])*)$`)
)

type element struct {
	tag   string
	attrs map[string]string
}

// elements returns the page's start tags.
func elements(page string) []element {
	var out []element
	for _, m := range startTag.FindAllStringSubmatch(page, -1) {
		e := element{tag: strings.ToLower(m[1]), attrs: map[string]string{}}
		for _, a := range tagAttr.FindAllStringSubmatch(m[2], -1) {
			e.attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3] + a[4])
		}
		out = append(out, e)
	}
	return out
}

// matches reports whether e matches the compound selector sel.
func (e element) matches(t *testing.T, sel string) bool {
	m := selPart.FindStringSubmatch(sel)
	if m == nil {
		t.Fatalf("unsupported selector %q", sel)
	}
	if m[1] != "" && m[1] != e.tag {
		return false
	}
	for _, p := range regexp.MustCompile(`[#.][\w-]+`).FindAllString(m[2], -1) {
		if p[0] == '#' && e.attrs["id"] != p[1:] {
			return false
		}
		if p[0] == '.' && !contains(strings.Fields(e.attrs["class"]), p[1:]) {
			return false
		}
	}
	for _, a := range regexp.MustCompile(`\[([^\]=]+)(?:=["']?([^"'\]]*)["']?)?\]`).FindAllStringSubmatch(m[3], -1) {
		v, ok := e.attrs[a[1]]
		if !ok || (strings.Contains(a[0], "=") && v != a[2]) {
			return false
		}
	}
	return true
}

// count returns how many elements of page match sel.
func count(t *testing.T, page, sel string) int {
	n := 0
	for _, e := range elements(page) {
		if e.matches(t, sel) {
			n++
		}
	}
	return n
}

// requireSelectors fails unless each selector matches at least once.
func requireSelectors(t *testing.T, what, page string, sels ...string) {
	t.Helper()
	for _, s := range sels {
		if count(t, page, s) == 0 {
			t.Errorf("%s: no element matches %q", what, s)
		}
	}
}

// refuteSelectors fails if any selector matches.
func refuteSelectors(t *testing.T, what, page string, sels ...string) {
	t.Helper()
	for _, s := range sels {
		if n := count(t, page, s); n > 0 {
			t.Errorf("%s: %d elements match %q, want none", what, n, s)
		}
	}
}
