package textlen

import (
	"slices"
	"testing"
	"unicode/utf16"
)

func urlStrings(spans []URLSpan) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, s.URL)
	}
	return out
}

func TestConformanceExtractURLs(t *testing.T) {
	t.Parallel()
	var f extractFile
	MustLoadYAML(t, "extract.yml", &f)
	for name, cases := range map[string][]urlsCase{"urls": f.Tests.URLs, "tco_urls_with_params": f.Tests.TcoParams} {
		t.Run(name, func(t *testing.T) {
			c := &tally{t: t}
			defer c.log()
			for _, tc := range cases {
				got, want := urlStrings(ExtractURLs(tc.Text)), tc.Expected
				if want == nil {
					want = []string{}
				}
				c.check(slices.Equal(got, want), "%s: %q\n got %q\nwant %q", tc.Description, tc.Text, got, want)
			}
		})
	}
}

func TestConformanceExtractURLIndices(t *testing.T) {
	t.Parallel()
	var f extractFile
	MustLoadYAML(t, "extract.yml", &f)
	for name, cases := range map[string][]indicesCase{
		"urls_with_indices": f.Tests.WithIndices, "urls_with_directional_markers": f.Tests.Directional,
	} {
		t.Run(name, func(t *testing.T) {
			c := &tally{t: t}
			defer c.log()
			for _, tc := range cases {
				got := ExtractURLs(tc.Text)
				ok := len(got) == len(tc.Expected)
				for i := 0; ok && i < len(got); i++ {
					e := tc.Expected[i]
					ok = got[i].URL == e.URL && utf16Index(tc.Text, got[i].Start) == e.Indices[0] &&
						utf16Index(tc.Text, got[i].End) == e.Indices[1]
				}
				c.check(ok, "%s: got %+v, want %+v", tc.Description, got, tc.Expected)
			}
		})
	}
}

// TestConformanceTLDs checks every TLD of tlds.yml is recognised.
func TestConformanceTLDs(t *testing.T) {
	t.Parallel()
	var f tldFile
	MustLoadYAML(t, "tlds.yml", &f)
	for name, cases := range f.Tests {
		t.Run(name, func(t *testing.T) {
			c := &tally{t: t}
			defer c.log()
			for _, tc := range cases {
				got := urlStrings(ExtractURLs(tc.Text))
				c.check(slices.Equal(got, tc.Expected), "%s: got %q", tc.Description, got)
			}
		})
	}
}

// utf16Index converts a byte offset of s into a UTF-16 index.
func utf16Index(s string, i int) int { return len(utf16.Encode([]rune(s[:i]))) }
