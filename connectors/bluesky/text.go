package bluesky

import "github.com/relais/relais/connectors"

// textProblems is a placeholder until package textlen lands.
func textProblems(text string) []connectors.Problem { return nil }
