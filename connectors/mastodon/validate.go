package mastodon

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// Validate implements connectors.Connector with the limits of the default
// instance (once fetched) or DefaultInstance. ValidateFor checks against
// an account's own instance.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	return validate(c.cached(), d)
}

// ValidateFor checks d against the limits of a's instance, fetching them
// if needed.
func (c *Client) ValidateFor(ctx context.Context, a relais.Account, d connectors.Draft) ([]connectors.Problem, error) {
	in, err := c.Instance(ctx, a)
	if err != nil {
		return nil, err
	}
	return validate(in, d), nil
}

func validate(in Instance, d connectors.Draft) []connectors.Problem {
	probs := textProblems(in, d.Text)
	if len(d.Media) > in.MaxMedia {
		probs = append(probs, connectors.Problem{Field: "media", Code: "too_many_media",
			Message: fmt.Sprintf("%d media attached, the instance accepts at most %d", len(d.Media), in.MaxMedia)})
	}
	for _, m := range d.Media {
		if !slices.Contains(in.MediaTypes, m.ContentType) || !strings.HasPrefix(m.ContentType, "image/") {
			probs = append(probs, connectors.Problem{Field: "media", Code: "media_type",
				Message: fmt.Sprintf("%s: type %q is not supported (images only: %s)", m.Filename, m.ContentType, strings.Join(in.MediaTypes, ", "))})
		}
		if len(m.Data) > in.ImageSizeLimit {
			probs = append(probs, connectors.Problem{Field: "media", Code: "media_too_large",
				Message: fmt.Sprintf("%s: %d bytes, the instance accepts images up to %d bytes", m.Filename, len(m.Data), in.ImageSizeLimit)})
		}
	}
	return probs
}
