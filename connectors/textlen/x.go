package textlen

import (
	"math"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// XConfig is a twitter-text counting configuration.
type XConfig struct {
	MaxWeightedLength    int  // the limit, in weighted characters
	Scale                int  // weights are in 1/Scale of a character
	DefaultWeight        int  // weight of code points outside Ranges
	TransformedURLLength int  // every URL counts this many characters
	EmojiParsing         bool // an emoji sequence weighs DefaultWeight
	Ranges               []WeightRange
}

// WeightRange gives the code points Start to End (inclusive) a weight.
type WeightRange struct {
	Start, End rune
	Weight     int
}

var xRanges = []WeightRange{
	{0, 4351, 100}, {8192, 8205, 100}, {8208, 8223, 100}, {8242, 8247, 100},
}

// XConfigV3 is what X counts today; XConfigV2 is the same without emoji
// parsing (each code point of an emoji sequence weighs on its own);
// XConfigV1 is the old 140 code points.
var (
	XConfigV3 = XConfig{280, 100, 200, 23, true, xRanges}
	XConfigV2 = XConfig{280, 100, 200, 23, false, xRanges}
	XConfigV1 = XConfig{140, 1, 1, 23, false, nil}
)

// XParse is twitter-text's parseTweet result. Ranges are UTF-16 indices
// into the text as given (before NFC), with inclusive ends.
type XParse struct {
	WeightedLength    int  `json:"weightedLength"`
	Valid             bool `json:"valid"`
	Permillage        int  `json:"permillage"`
	DisplayRangeStart int  `json:"displayRangeStart"`
	DisplayRangeEnd   int  `json:"displayRangeEnd"`
	ValidRangeStart   int  `json:"validRangeStart"`
	ValidRangeEnd     int  `json:"validRangeEnd"`
}

// XWeightedLength returns text's length as X counts it (twitter-text v3).
func XWeightedLength(text string) int { return ParseX(text, XConfigV3).WeightedLength }

// ParseX measures text as twitter-text's parseTweet does with cfg: NFC
// normalisation, URLs, emoji sequences and weighted code points. A text is
// valid when it is not empty, fits and has no U+FFFE, U+FEFF or U+FFFF.
func ParseX(text string, cfg XConfig) XParse {
	nfc := norm.NFC.String(text)
	c := xCounter{cfg: cfg, text: nfc, valid: true}
	if cfg.EmojiParsing {
		c.emoji = twemojiMatches(nfc)
	}
	c.run(ExtractURLs(nfc))
	p := XParse{WeightedLength: c.weight / cfg.Scale, DisplayRangeEnd: max(utf16Len(text)-1, 0)}
	p.Valid = c.valid && p.WeightedLength > 0 && p.WeightedLength <= cfg.MaxWeightedLength
	p.Permillage = int(math.Floor(float64(p.WeightedLength) / float64(cfg.MaxWeightedLength) * 1000))
	p.ValidRangeEnd = c.validEnd + utf16Len(text) - utf16Len(nfc)
	return p
}

// xCounter walks a normalised text element by element: a URL, an emoji
// sequence or a code point.
type xCounter struct {
	cfg      XConfig
	text     string
	weight   int
	valid    bool    // no invalid character so far
	validEnd int     // UTF-16 index of the last unit within the limit
	emoji    [][]int // twitter-text's emoji matches (byte ranges), unconsumed
}

func (c *xCounter) run(urls []URLSpan) {
	u16 := 0
	for i := 0; i < len(c.text); {
		size, w, last := c.element(i, &urls)
		c.weight += w
		u16 += utf16Len(c.text[i : i+size])
		if c.valid {
			c.valid = !isInvalidChar(last)
		}
		if c.valid && c.weight <= c.cfg.MaxWeightedLength*c.cfg.Scale {
			c.validEnd = u16 - 1
		}
		i += size
	}
}

// element returns the size and weight of the element at byte i, and its
// last rune (twitter-text checks only that one for invalid characters).
func (c *xCounter) element(i int, urls *[]URLSpan) (size, weight int, last rune) {
	for len(*urls) > 0 && (*urls)[0].Start < i {
		*urls = (*urls)[1:]
	}
	if len(*urls) > 0 && (*urls)[0].Start == i {
		u := (*urls)[0]
		size = runeBoundary(c.text, i+len(u.URL)) - i
		last, _ := utf8.DecodeLastRuneInString(c.text[i : i+size])
		return size, c.cfg.TransformedURLLength * c.cfg.Scale, last
	}
	for len(c.emoji) > 0 && c.emoji[0][0] < i {
		c.emoji = c.emoji[1:]
	}
	if len(c.emoji) > 0 && c.emoji[0][0] == i {
		n := c.emoji[0][1] - i
		last, _ = utf8.DecodeLastRuneInString(c.text[i : i+n])
		return n, c.cfg.DefaultWeight, lowSurrogate(last)
	}
	r, size := utf8.DecodeRuneInString(c.text[i:])
	return size, c.cfg.weightOf(r), lowSurrogate(r)
}

// weightOf returns the weight of one code point.
func (cfg XConfig) weightOf(r rune) int {
	for _, wr := range cfg.Ranges {
		if r >= wr.Start && r <= wr.End {
			return wr.Weight
		}
	}
	return cfg.DefaultWeight
}

// lowSurrogate stands for the last UTF-16 unit of r: twitter-text checks
// a single unit, which for an astral code point is never invalid.
func lowSurrogate(r rune) rune {
	if r >= 0x10000 {
		return 0xDC00
	}
	return r
}

// runeBoundary returns the first rune boundary of s at or after i.
func runeBoundary(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return min(i, len(s))
}
