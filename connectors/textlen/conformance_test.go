package textlen

import (
	"os"
	"testing"

	"gopkg.in/yaml.v3"
)

// The twitter-text conformance data (Apache-2.0, testdata/LICENSE.conformance).

type validateFile struct {
	Tests struct {
		Tweets   []boolCase   `yaml:"tweets"`
		WeightV2 []weightCase `yaml:"WeightedTweetsCounterTest"`
		WeightV3 []weightCase `yaml:"WeightedTweetsWithDiscountedEmojiCounterTest"`
		Bidi     []weightCase `yaml:"UnicodeDirectionalMarkerCounterTest"`
	} `yaml:"tests"`
}

type boolCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    bool   `yaml:"expected"`
}

type weightCase struct {
	Description string    `yaml:"description"`
	Text        string    `yaml:"text"`
	Expected    xExpected `yaml:"expected"`
}

// xExpected is XParse as the YAML spells it.
type xExpected struct {
	WeightedLength    int  `yaml:"weightedLength"`
	Valid             bool `yaml:"valid"`
	Permillage        int  `yaml:"permillage"`
	DisplayRangeStart int  `yaml:"displayRangeStart"`
	DisplayRangeEnd   int  `yaml:"displayRangeEnd"`
	ValidRangeStart   int  `yaml:"validRangeStart"`
	ValidRangeEnd     int  `yaml:"validRangeEnd"`
}

type extractFile struct {
	Tests struct {
		URLs        []urlsCase    `yaml:"urls"`
		WithIndices []indicesCase `yaml:"urls_with_indices"`
		Directional []indicesCase `yaml:"urls_with_directional_markers"`
		TcoParams   []urlsCase    `yaml:"tco_urls_with_params"`
	} `yaml:"tests"`
}

type urlsCase struct {
	Description string   `yaml:"description"`
	Text        string   `yaml:"text"`
	Expected    []string `yaml:"expected"`
}

type indicesCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    []struct {
		URL     string `yaml:"url"`
		Indices [2]int `yaml:"indices"`
	} `yaml:"expected"`
}

type tldFile struct {
	Tests map[string][]urlsCase `yaml:"tests"`
}

// MustLoadYAML reads testdata/name into v.
func MustLoadYAML(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// tally counts the cases of one section and logs the count at the end.
type tally struct {
	t            *testing.T
	passed, runs int
}

func (c *tally) check(ok bool, format string, args ...any) {
	c.t.Helper()
	c.runs++
	if ok {
		c.passed++
		return
	}
	c.t.Errorf(format, args...)
}

func (c *tally) log() { c.t.Logf("%d/%d cases", c.passed, c.runs) }

func TestConformanceWeighted(t *testing.T) {
	t.Parallel()
	var f validateFile
	MustLoadYAML(t, "validate.yml", &f)
	sections := []struct {
		name  string
		cases []weightCase
		cfg   XConfig
	}{
		{"WeightedTweetsCounterTest", f.Tests.WeightV2, XConfigV2},
		{"WeightedTweetsWithDiscountedEmojiCounterTest", f.Tests.WeightV3, XConfigV3},
		{"UnicodeDirectionalMarkerCounterTest", f.Tests.Bidi, XConfigV3},
	}
	for _, s := range sections {
		t.Run(s.name, func(t *testing.T) {
			c := &tally{t: t}
			defer c.log()
			if len(s.cases) == 0 {
				t.Fatal("no cases")
			}
			for _, tc := range s.cases {
				got := ParseX(tc.Text, s.cfg)
				c.check(got == XParse(tc.Expected), "%s:\n got %+v\nwant %+v", tc.Description, got, tc.Expected)
			}
		})
	}
}

// TestConformanceTweets runs the "tweets" validity cases, written for the
// 140-code-point rule of twitter-text's config v1.
func TestConformanceTweets(t *testing.T) {
	t.Parallel()
	var f validateFile
	MustLoadYAML(t, "validate.yml", &f)
	c := &tally{t: t}
	defer c.log()
	for _, tc := range f.Tests.Tweets {
		got := ParseX(tc.Text, XConfigV1).Valid
		c.check(got == tc.Expected, "%s: valid = %v, want %v", tc.Description, got, tc.Expected)
	}
}
