package ui

import (
	"net/http"
	"sort"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/connectors/x"
)

// textCountRequest is what the compose page sends as the author types.
type textCountRequest struct {
	Text      string                     `json:"text"`
	Variants  map[relais.Platform]string `json:"variants,omitempty"`
	Platforms []string                   `json:"platforms,omitempty"` // default: x, bluesky, mastodon
	// AccountIDs are the selected target accounts: each is measured as its
	// own server counts (a Mastodon-API instance's limit and counting).
	AccountIDs []int64 `json:"account_ids,omitempty"`
}

// textFor returns the text for platform p: its variant or the main text.
func (in textCountRequest) textFor(p relais.Platform) string {
	if v := in.Variants[p]; v != "" {
		return v
	}
	return in.Text
}

// textCount is one platform's measure of the text it would publish.
type textCount struct {
	textlen.Result
	Text    string   `json:"text"`               // the text for this platform (its variant or the main text)
	CostUSD *float64 `json:"cost_usd,omitempty"` // X pay-per-use cost of one post
	// AccountID is the selected account of this platform whose server's
	// count is shown (the one closest to or furthest over its limit);
	// Counting says how that server counts. Both empty: platform rules.
	AccountID int64  `json:"account_id,omitempty"`
	Counting  string `json:"counting,omitempty"`
}

// handleTextCount handles POST /api/text/count: the length of the text (or
// its variant) on each platform against that platform's limit, and X's
// cost estimate, for the compose page's counters and previews. With
// account_ids, "accounts" measures the text for each selected account as
// its server counts, and each platform's count is its most constrained
// selected account's.
func (s *Server) handleTextCount(w http.ResponseWriter, r *http.Request) {
	var in textCountRequest
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	out, err := platformCounts(in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	accts := []approval.AccountCount{}
	if len(in.AccountIDs) > 0 {
		if accts, err = s.cfg.Approval.CountFor(r.Context(), in.AccountIDs, in.textFor); err != nil {
			s.apiError(w, r, err)
			return
		}
		applyAccountCounts(out, accts)
	}
	writeJSON(w, http.StatusOK, map[string]any{"counts": out, "accounts": accts})
}

// platformCounts measures the text on each requested platform with its
// published rules.
func platformCounts(in textCountRequest) ([]textCount, error) {
	if len(in.Platforms) == 0 {
		in.Platforms = []string{"x", "bluesky", "mastodon"}
	} else if len(in.Platforms) > 16 {
		return nil, relais.FieldErrorf("platforms", "At most 16 platforms.")
	}
	sort.Strings(in.Platforms)
	out := make([]textCount, 0, len(in.Platforms))
	seen := map[string]bool{}
	for _, pl := range in.Platforms {
		if seen[pl] {
			continue
		}
		seen[pl] = true
		text := in.textFor(relais.Platform(pl))
		res, err := textlen.Count(pl, text, textlen.Options{})
		if err != nil {
			return nil, relais.FieldErrorf("platforms", "Unknown platform %q.", pl)
		}
		c := textCount{Result: res, Text: text}
		if pl == "x" {
			cost := x.Cost(text)
			c.CostUSD = &cost
		}
		out = append(out, c)
	}
	return out, nil
}

// applyAccountCounts replaces each platform's count by the count of its
// most constrained selected account: the one with the least room left.
func applyAccountCounts(out []textCount, accts []approval.AccountCount) {
	for i := range out {
		best := -1
		for j, a := range accts {
			if a.Platform == out[i].Platform && (best < 0 || room(a) < room(accts[best])) {
				best = j
			}
		}
		if best >= 0 {
			a := accts[best]
			out[i].Result, out[i].AccountID, out[i].Counting = a.Result, a.AccountID, a.Counting
		}
	}
}

// room is how many characters a's text may still grow by; a count
// without a limit has all the room there is.
func room(a approval.AccountCount) int {
	if a.Limit <= 0 {
		return int(^uint(0) >> 1)
	}
	return a.Limit - a.Length
}
