package mastodon

import "github.com/relais/relais/connectors"

// textProblems is a placeholder until package textlen lands.
func textProblems(in Instance, text string) []connectors.Problem { return nil }
