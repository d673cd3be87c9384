package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// verbSpec finds the French verbs of the hand-written lexicons: entries
// written "lemma/v" or "lemma/v3" in approval/tone/lexicon_*.go.
var verbSpec = regexp.MustCompile(`"([a-zàâçéèêëîïôûùüÿœ'-]+(?:er|ir|re))/v3?[~|"]`)

// frenchVerbs writes data/verbs_fr.tsv: for each verb of the hand-written
// lexicons that the Lefff conjugates, its infinitive and every form
// (participles included), space-separated.
func frenchVerbs(dir, srcDir, out string) (int, error) {
	var verbs map[string]map[string][]string
	if err := readJSON(filepath.Join(dir, "french-verbs-lefff", "dist", "conjugations.json"), &verbs); err != nil {
		return 0, err
	}
	wanted, err := lexiconVerbs(srcDir)
	if err != nil {
		return 0, err
	}
	f, err := os.Create(filepath.Join(out, "verbs_fr.tsv"))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, inf := range wanted {
		tenses, ok := verbs[inf]
		if !ok {
			continue
		}
		if _, err := fmt.Fprintf(f, "%s\t%s\n", inf, strings.Join(verbForms(tenses), " ")); err != nil {
			return n, err
		}
		n++
	}
	return n, f.Close()
}

// verbForms lists a verb's distinct forms, sorted ("NA" slots skipped).
func verbForms(tenses map[string][]string) []string {
	seen := map[string]bool{}
	for _, forms := range tenses {
		for _, f := range forms {
			if f != "NA" && f != "" {
				seen[f] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// lexiconVerbs scans the lexicon sources for verb entries.
func lexiconVerbs(srcDir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(srcDir, "lexicon_*.go"))
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, m := range verbSpec.FindAllStringSubmatch(string(data), -1) {
			set[m[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out, nil
}
