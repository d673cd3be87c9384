package tone

import (
	"strings"
	"testing"
)

// TestClassTablesWellFormed fails on a line of an embedded word list that
// classTable would skip: no tab, an empty class or an empty entry.
func TestClassTablesWellFormed(t *testing.T) {
	for name, data := range map[string]string{
		"campaign_fr": campaignFR, "campaign_en": campaignEN, "lexicon_fr": lexiconFR, "grammar_fr": grammarFR,
		"lexicon_en": lexiconEN, "grammar_en": grammarEN, "frames2_fr": frames2FR, "frames2_en": frames2EN,
	} {
		n := 0
		for i, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
			class, entry, ok := strings.Cut(line, "\t")
			if strings.HasPrefix(line, "#") {
				continue
			}
			if !ok || class == "" || entry == "" {
				t.Errorf("data/%s.tsv:%d: want class<TAB>entry, got %q", name, i+1, line)
			}
			n++
		}
		if n < 50 {
			t.Errorf("data/%s.tsv: %d entries, the list looks truncated", name, n)
		}
	}
}
