package mastodon

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// How a Mastodon-API server counts a status (connectors.TextCount.Counting).
const (
	// CountingMastodon: grapheme clusters, each URL as the instance's
	// characters_reserved_per_url (Mastodon itself).
	CountingMastodon = "mastodon"
	// CountingRunes: every code point, links in full (GoToSocial).
	CountingRunes = "runes"
	// CountingStricter: software unknown, the larger of both counts.
	CountingStricter = "stricter"
)

// CountFor implements connectors.AccountCounter: text measured against the
// limits of a's instance (fetched if needed, then cached per base URL),
// the way textProblems checks it at submit and before publication.
func (c *Client) CountFor(ctx context.Context, a relais.Account, text string) (connectors.TextCount, error) {
	in, err := c.Instance(ctx, a)
	if err != nil {
		return connectors.TextCount{}, err
	}
	return countIn(in, text), nil
}

// countIn counts text as in's server does. A server that is not Mastodon
// is held to both counts, as textProblems holds it: the larger one is
// shown, so that the counter and the submit check agree.
func countIn(in Instance, text string) connectors.TextCount {
	r, _ := textlen.Count("mastodon", text, textlen.Options{MaxChars: in.MaxChars, URLLength: in.URLReserved})
	mode := countingOf(in)
	if mode == CountingMastodon {
		return connectors.TextCount{Result: r, Counting: mode}
	}
	r.Length = max(r.Length, utf8.RuneCountInString(text))
	r.Problems = slices.DeleteFunc(r.Problems, func(p string) bool { return strings.Contains(p, " allows ") })
	if r.Length > r.Limit {
		r.Problems = append(r.Problems, fmt.Sprintf("text is %d characters as %s counts them (every character, links in full), the instance allows %d",
			r.Length, softwareName(in), r.Limit))
	}
	r.Valid = len(r.Problems) == 0
	return connectors.TextCount{Result: r, Counting: mode}
}

// countingOf names how in's server counts.
func countingOf(in Instance) string {
	switch in.Software {
	case SoftwareMastodon:
		return CountingMastodon
	case SoftwareGoToSocial:
		return CountingRunes
	}
	return CountingStricter
}
