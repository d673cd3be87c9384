package textlen

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// TestXCountsAsTwitterText310 compares relais's X count with the official
// twitter-text 3.1.0 (npm twitter-text@3.1.0, parseTweet) on 2,501 texts:
// random emoji ZWJ sequences known and unknown to it, skin tones, FE0F,
// flags, keycaps, tag sequences, French words, URLs and bare domains.
// testdata/x_twitter_text_3.1.0.jsonl was produced by
// testdata/x_twitter_text_3.1.0.gen.js (node, twitter-text@3.1.0). The
// issue's rule is "never count below"; the port counts exactly as it does.
func TestXCountsAsTwitterText310(t *testing.T) {
	f, err := os.Open("testdata/x_twitter_text_3.1.0.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		var c struct {
			Text           string `json:"text"`
			WeightedLength int    `json:"weightedLength"`
			Valid          bool   `json:"valid"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		p := ParseX(c.Text, XConfigV3)
		if p.WeightedLength < c.WeightedLength {
			t.Errorf("%q: relais counts %d, below twitter-text 3.1.0's %d", c.Text, p.WeightedLength, c.WeightedLength)
		} else if p.WeightedLength != c.WeightedLength || p.Valid != c.Valid {
			t.Errorf("%q: relais counts %d (valid %v), twitter-text 3.1.0 %d (valid %v)", c.Text, p.WeightedLength, p.Valid, c.WeightedLength, c.Valid)
		}
		n++
	}
	if n < 2500 {
		t.Fatalf("read %d cases", n)
	}
	if got := XWeightedLength("🧑🏿\u200d💻"); got != 5 {
		t.Fatalf("🧑🏿‍💻 counts %d, twitter-text 3.1.0 counts 5", got)
	}
}
