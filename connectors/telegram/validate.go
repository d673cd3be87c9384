package telegram

import (
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// Validate implements connectors.Connector: 4,096 characters (UTF-16 code
// units, counted before HTML escaping, as Telegram counts after parsing).
// Media are not supported by this connector yet.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	probs := connectors.TextProblems("telegram", d.Text, textlen.Options{})
	if len(d.Media) > 0 {
		probs = append(probs, connectors.Problem{Field: "media", Code: "media_unsupported",
			Message: "the Telegram connector sends text only; remove the media or post them by hand"})
	}
	return probs
}
