package tone

import _ "embed"

// More campaign frames, grouped by the kind of miss they cover: record
// statements ("payer plus pour moins", "that's her legacy"), fact-check
// endings ("les chiffres montrent l'inverse", "says otherwise"), mock
// comparisons ("même mon chat", "thinks he's Obama"), character attacks
// phrased as absences ("aucune honte", "zero integrity": the absent
// quality is listed as positive, so that its negation near a target is an
// attack), and possessive or "d'en face" references to the other camp.
// The lists live in data/frames2_fr.tsv and data/frames2_en.tsv, one
// "class<TAB>entry" a line.
var (
	frenchFrames2  = classTable(frames2FR)
	englishFrames2 = classTable(frames2EN)
)

//go:embed data/frames2_fr.tsv
var frames2FR string

//go:embed data/frames2_en.tsv
var frames2EN string
