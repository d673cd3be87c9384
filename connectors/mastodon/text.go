package mastodon

import (
	"fmt"
	"unicode/utf8"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/textlen"
)

// textProblems measures text as the account's server counts it: Mastodon
// counts grapheme clusters with every URL as characters_reserved_per_url;
// GoToSocial counts code points with URLs in full. A server whose software
// is not known to be Mastodon is held to both counts (the stricter wins).
func textProblems(in Instance, text string) []connectors.Problem {
	probs := connectors.TextProblems("mastodon", text, textlen.Options{MaxChars: in.MaxChars, URLLength: in.URLReserved})
	if in.Software == SoftwareMastodon || len(probs) > 0 {
		return probs
	}
	if n := utf8.RuneCountInString(text); n > in.MaxChars {
		return []connectors.Problem{{Field: "text", Code: "too_long",
			Message: fmt.Sprintf("%d characters as %s counts them (every character, links in full); the instance accepts %d", n, softwareName(in), in.MaxChars)}}
	}
	return nil
}

func softwareName(in Instance) string {
	if in.Software == "" {
		return "a server of unknown software"
	}
	return in.Software
}
