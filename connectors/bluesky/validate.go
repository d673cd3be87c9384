package bluesky

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Validate implements connectors.Connector: 300 graphemes and 3,000 bytes
// of text, at most four JPEG, PNG, WebP or GIF images of 2,000,000 bytes.
// Mentions need the network: ValidateFor also resolves them.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	return connectors.ImageRules{Platform: "Bluesky", MaxCount: MaxImages, MaxBytes: MaxImageBytes, Types: ImageTypes}.Check("bluesky", d)
}

// ValidateFor is Validate plus the resolution of every mentioned handle
// (an "unknown_handle" problem for each that does not resolve).
func (c *Client) ValidateFor(ctx context.Context, a relais.Account, d connectors.Draft) ([]connectors.Problem, error) {
	probs := c.Validate(d)
	_, err := c.resolveMentions(ctx, a, d.Text)
	var ps []connectors.Problem
	if connectors.ClassOf(err) == connectors.Permanent && asProblems(err, &ps) {
		return append(probs, ps...), nil
	} else if err != nil {
		return probs, err
	}
	return probs, nil
}

// asProblems collects the problems wrapped in err.
func asProblems(err error, out *[]connectors.Problem) bool {
	var walk func(error)
	walk = func(e error) {
		switch v := e.(type) {
		case connectors.Problem:
			*out = append(*out, v)
		case interface{ Unwrap() []error }:
			for _, x := range v.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(v.Unwrap())
		}
	}
	walk(err)
	return len(*out) > 0
}
