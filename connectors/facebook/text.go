package facebook

import (
	"strings"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// textProblems measures text with package textlen's rules for facebook.
func textProblems(text string) []connectors.Problem {
	r, err := textlen.Count("facebook", text, textlen.Options{})
	if err != nil {
		return []connectors.Problem{{Field: "text", Code: "invalid_text", Message: err.Error()}}
	}
	probs := make([]connectors.Problem, 0, len(r.Problems))
	for _, msg := range r.Problems {
		probs = append(probs, connectors.Problem{Field: "text", Code: textCode(msg), Message: msg})
	}
	return probs
}

// textCode names a textlen problem for API clients.
func textCode(msg string) string {
	switch {
	case strings.Contains(msg, "allows"):
		return "too_long"
	case strings.Contains(msg, "empty"), strings.Contains(msg, "white space"):
		return "empty"
	}
	return "invalid_text"
}
