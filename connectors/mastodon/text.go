package mastodon

import (
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// textProblems measures text with the instance's own limits.
func textProblems(in Instance, text string) []connectors.Problem {
	return connectors.TextProblems("mastodon", text, textlen.Options{MaxChars: in.MaxChars, URLLength: in.URLReserved})
}
