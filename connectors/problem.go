package connectors

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/relais/relais/connectors/textlen"
)

// TextProblems measures text with package textlen's rules for platform
// and returns each problem, coded for API clients.
func TextProblems(platform, text string, opt textlen.Options) []Problem {
	r, err := textlen.Count(platform, text, opt)
	if err != nil {
		return []Problem{{Field: "text", Code: "invalid_text", Message: err.Error()}}
	}
	probs := make([]Problem, 0, len(r.Problems))
	for _, msg := range r.Problems {
		probs = append(probs, Problem{Field: "text", Code: textCode(msg), Message: msg})
	}
	return probs
}

// textCode names a textlen problem.
func textCode(msg string) string {
	switch {
	case strings.Contains(msg, "allows"):
		return "too_long"
	case strings.Contains(msg, "empty"), strings.Contains(msg, "white space"):
		return "empty"
	}
	return "invalid_text"
}

// ProblemsError turns validation problems into a Permanent error wrapping
// each problem, or nil when there are none.
func ProblemsError(platform string, probs []Problem) error {
	if len(probs) == 0 {
		return nil
	}
	errs := make([]error, len(probs))
	msgs := make([]string, len(probs))
	for i, p := range probs {
		errs[i], msgs[i] = p, p.Error()
	}
	return &Error{Class: Permanent, Platform: platform, Message: strings.Join(msgs, "; "),
		Err: fmt.Errorf("%s: draft is not valid: %w", platform, errors.Join(errs...))}
}

// ImageRules are a platform's limits on attached images.
type ImageRules struct {
	Platform string   // as named in messages: "X", "Bluesky"
	MaxCount int      // images per post
	MaxBytes int      // per image
	Types    []string // accepted content types
}

// Problems returns every way d's images break the rules.
func (r ImageRules) Problems(d Draft) []Problem {
	var probs []Problem
	if len(d.Media) > r.MaxCount {
		probs = append(probs, Problem{Field: "media", Code: "too_many_media",
			Message: fmt.Sprintf("%d images attached, %s accepts at most %d", len(d.Media), r.Platform, r.MaxCount)})
	}
	for _, m := range d.Media {
		if !slices.Contains(r.Types, m.ContentType) {
			probs = append(probs, Problem{Field: "media", Code: "media_type",
				Message: fmt.Sprintf("%s: type %q is not supported on %s (use %s)", m.Filename, m.ContentType, r.Platform, strings.Join(r.Types, ", "))})
		}
		if len(m.Data) > r.MaxBytes {
			probs = append(probs, Problem{Field: "media", Code: "media_too_large",
				Message: fmt.Sprintf("%s: %d bytes, %s accepts images up to %d bytes", m.Filename, len(m.Data), r.Platform, r.MaxBytes)})
		}
	}
	return probs
}

// TextOnly returns the text's problems and, when d carries media, one
// media_unsupported problem saying why (why): for the connectors that
// send text only.
func TextOnly(d Draft, text []Problem, why string) []Problem {
	if len(d.Media) > 0 {
		text = append(text, Problem{Field: "media", Code: "media_unsupported", Message: why})
	}
	return text
}

// Blank returns an "empty" problem when d's text is only white space, for
// platforms without a length rule of their own.
func Blank(d Draft) []Problem {
	if strings.TrimSpace(d.Text) == "" {
		return []Problem{{Field: "text", Code: "empty", Message: "text is empty"}}
	}
	return nil
}

// Check returns d's problems on a platform whose rules are its text
// length (package textlen's, for platform) and these image rules.
func (r ImageRules) Check(platform string, d Draft) []Problem {
	return append(TextProblems(platform, d.Text, textlen.Options{}), r.Problems(d)...)
}
