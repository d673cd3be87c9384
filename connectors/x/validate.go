package x

import (
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// Validate implements connectors.Connector: X's weighted length (280, URLs
// 23, emoji and CJK 2, NFC) and at most four JPEG, PNG, GIF or WebP images
// of 5 MB each.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	probs := connectors.TextProblems("x", d.Text, textlen.Options{})
	return append(probs, imageRules.Problems(d)...)
}

var imageRules = connectors.ImageRules{Platform: "X", MaxCount: MaxImages, MaxBytes: MaxImageBytes, Types: ImageTypes}
