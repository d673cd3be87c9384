package textlen

import (
	"testing"

	"github.com/rivo/uniseg"
)

// TestPictographicMatchesUniseg checks the hand-written Extended_Pictographic
// table against uniseg's segmentation: only a pictograph followed by ZWJ
// and another pictograph forms one grapheme cluster (rule GB11).
func TestPictographicMatchesUniseg(t *testing.T) {
	t.Parallel()
	for r := rune(0); r < 0x40000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		joined := uniseg.GraphemeClusterCount(string(r)+"\u200d\U0001F637") == 1
		if joined != isPictographic(r) {
			t.Errorf("U+%04X: isPictographic = %v, uniseg joins = %v", r, isPictographic(r), joined)
		}
	}
}

func TestEmojiLen(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"a", 0},
		{"😷x", len("😷")},
		{"👨‍👩‍👧‍👦!", len("👨‍👩‍👧‍👦")},
		{"🧕🏾", len("🧕🏾")},
		{"🇫🇷🇫🇷", len("🇫🇷")},
		{"1⃣", len("1⃣")},
		{"#️⃣", len("#️⃣")},
		{"1", 0},
		{"©", 0},
		{"©️", len("©️")},
		{"❤️", len("❤️")},
		{"🏴󠁧󠁢󠁳󠁣󠁴󠁿", len("🏴󠁧󠁢󠁳󠁣󠁴󠁿")},
		{"😷\u0301", len("😷")},
	} {
		if got := emojiLen(tc.in); got != tc.want {
			t.Errorf("emojiLen(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestPunycode(t *testing.T) {
	t.Parallel()
	// RFC 3492 section 7.1 samples, and a well-known label.
	for in, want := range map[string]string{
		"ليهمابتكلموشعربي؟": "egbpdaj6bu4bxfgehfvwxn",
		"他们为什么不说中文":         "ihqwcrb4cv8a8dqg056pqjye",
		"☃":                 "n3h",
		"bücher":            "bcher-kva",
	} {
		got, ok := punycodeEncode([]rune(in))
		if !ok || got != want {
			t.Errorf("punycode(%q) = %q, want %q", in, got, want)
		}
	}
}
