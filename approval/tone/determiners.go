package tone

// A reference to the other camp written with an article in a lexicon or a
// configuration ("le maire sortant", "l'équipe sortante", "the outgoing
// council") is also met with a contracted article, a demonstrative or no
// article at all: "au maire sortant", "cette équipe sortante", "this
// outgoing council", "maire sortant depuis 2020".

// articleVariants maps an article key to the determiners that may replace it.
var articleVariants = map[string][]string{
	"le":  {"au", "du", "ce", "cet"},
	"la":  {"cette"},
	"l":   {"au", "du", "cet", "cette"},
	"les": {"aux", "des", "ces"},
	"the": {"this", "that", "these", "those"},
}

// determinerVariants returns keys with its leading article replaced by
// each variant, and without it when at least two words remain.
func determinerVariants(keys []string) [][]string {
	vs, ok := articleVariants[keys[0]]
	if !ok || len(keys) < 2 {
		return nil
	}
	var out [][]string
	for _, v := range vs {
		out = append(out, append([]string{v}, keys[1:]...))
	}
	if len(keys) >= 3 {
		out = append(out, keys[1:])
	}
	return out
}
