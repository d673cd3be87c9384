package x

import (
	"fmt"
	"slices"
	"strings"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// Validate implements connectors.Connector: X's weighted length (280, URLs
// 23, emoji and CJK 2, NFC) and at most four JPEG, PNG, GIF or WebP images
// of 5 MB each.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	probs := connectors.TextProblems("x", d.Text, textlen.Options{})
	if len(d.Media) > MaxImages {
		probs = append(probs, connectors.Problem{Field: "media", Code: "too_many_media",
			Message: fmt.Sprintf("%d images attached, X accepts at most %d", len(d.Media), MaxImages)})
	}
	for _, m := range d.Media {
		probs = append(probs, mediaProblems(m)...)
	}
	return probs
}

func mediaProblems(m connectors.Media) []connectors.Problem {
	var probs []connectors.Problem
	if !slices.Contains(ImageTypes, m.ContentType) {
		probs = append(probs, connectors.Problem{Field: "media", Code: "media_type",
			Message: fmt.Sprintf("%s: type %q is not supported on X (use %s)", m.Filename, m.ContentType, strings.Join(ImageTypes, ", "))})
	}
	if len(m.Data) > MaxImageBytes {
		probs = append(probs, connectors.Problem{Field: "media", Code: "media_too_large",
			Message: fmt.Sprintf("%s: %d bytes, X accepts images up to %d bytes", m.Filename, len(m.Data), MaxImageBytes)})
	}
	return probs
}
