package tone

import _ "embed"

// englishLexicon is the built-in English lexicon, written for relais.
// The list lives in data/lexicon_en.tsv, one "class<TAB>entry" a line.
var englishLexicon = classTable(lexiconEN)

// englishGrammar holds closed-class words the rules need
// (data/grammar_en.tsv).
var englishGrammar = classTable(grammarEN)

//go:embed data/lexicon_en.tsv
var lexiconEN string

//go:embed data/grammar_en.tsv
var grammarEN string
