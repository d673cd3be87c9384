package ui

import (
	"net/http"
	"sort"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/connectors/x"
)

// textCountRequest is what the compose page sends as the author types.
type textCountRequest struct {
	Text      string                     `json:"text"`
	Variants  map[relais.Platform]string `json:"variants,omitempty"`
	Platforms []string                   `json:"platforms,omitempty"` // default: x, bluesky, mastodon
}

// textCount is one platform's measure of the text it would publish.
type textCount struct {
	textlen.Result
	Text    string   `json:"text"`               // the text for this platform (its variant or the main text)
	CostUSD *float64 `json:"cost_usd,omitempty"` // X pay-per-use cost of one post
}

// handleTextCount handles POST /api/text/count: the length of the text (or
// its variant) on each platform against that platform's limit, and X's
// cost estimate, for the compose page's counters and previews.
func (s *Server) handleTextCount(w http.ResponseWriter, r *http.Request) {
	var in textCountRequest
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	if len(in.Platforms) == 0 {
		in.Platforms = []string{"x", "bluesky", "mastodon"}
	} else if len(in.Platforms) > 16 {
		s.apiError(w, r, relais.FieldErrorf("platforms", "At most 16 platforms."))
		return
	}
	sort.Strings(in.Platforms)
	out := make([]textCount, 0, len(in.Platforms))
	seen := map[string]bool{}
	for _, pl := range in.Platforms {
		if seen[pl] {
			continue
		}
		seen[pl] = true
		text := in.Text
		if v := in.Variants[relais.Platform(pl)]; v != "" {
			text = v
		}
		res, err := textlen.Count(pl, text, textlen.Options{})
		if err != nil {
			s.apiError(w, r, relais.FieldErrorf("platforms", "Unknown platform %q.", pl))
			return
		}
		c := textCount{Result: res, Text: text}
		if pl == "x" {
			cost := x.Cost(text)
			c.CostUSD = &cost
		}
		out = append(out, c)
	}
	writeJSON(w, http.StatusOK, map[string]any{"counts": out})
}
