package x

import "github.com/relais/relais/connectors/textlen"

// Pay-per-use prices of a post, in US dollars (docs.x.com pricing, 2026).
const (
	PricePost        = 0.015
	PricePostWithURL = 0.20
)

// Cost returns what publishing text costs on X's pay-per-use plan, for the
// compose preview: a post that contains a URL (as twitter-text recognises
// URLs, with or without a protocol) costs more.
func Cost(text string) float64 {
	if len(textlen.ExtractURLs(text)) > 0 {
		return PricePostWithURL
	}
	return PricePost
}
