package facebook

import (
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// Validate implements connectors.Connector: Facebook's text limit (63,206
// characters). Photos (POST /{page-id}/photos) are not supported by this
// connector yet.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	probs := connectors.TextProblems("facebook", d.Text, textlen.Options{})
	if len(d.Media) > 0 {
		probs = append(probs, connectors.Problem{Field: "media", Code: "media_unsupported",
			Message: "the Facebook connector publishes text and links only; remove the media or post them by hand"})
	}
	return probs
}
