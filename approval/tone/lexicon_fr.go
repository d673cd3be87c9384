package tone

import _ "embed"

// frenchLexicon is the built-in French lexicon, written for relais. Each
// entry is a lemma in the notation of wordSpec, expanded into its forms
// when the engine compiles.
// The list lives in data/lexicon_fr.tsv, one "class<TAB>entry" a line.
var frenchLexicon = classTable(lexiconFR)

// frenchGrammar holds closed-class words the rules need
// (data/grammar_fr.tsv).
var frenchGrammar = classTable(grammarFR)

//go:embed data/lexicon_fr.tsv
var lexiconFR string

//go:embed data/grammar_fr.tsv
var grammarFR string
