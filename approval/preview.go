package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/store"
)

// Preview is a post as one target account will show it: the text for its
// platform, measured by that platform's rules. The candidate approves
// from these, so that what she reads is what goes out.
type Preview struct {
	AccountID int64 `json:"account_id"`
	relais.AccountLabel
	Text     string      `json:"text"`
	Length   int         `json:"length,omitempty"`
	Limit    int         `json:"limit,omitempty"`
	Problems []string    `json:"problems,omitempty"`
	Links    []ShortLink `json:"links,omitempty"` // destinations and the short links replacing them
	Counting string      `json:"counting,omitempty"`
	// Quote is the post this account's platform embeds under the text
	// (a quote of a post of the same platform), drawn by the previews.
	Quote *relais.PostQuote `json:"quote,omitempty"`

	account *relais.Account // measured again after the transaction, as its server counts
}

// previews returns one preview per target account.
func previews(tx *store.Tx, p *relais.Post) ([]Preview, error) {
	out := make([]Preview, 0, len(p.Targets))
	for _, id := range p.Targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return nil, err
		}
		pv := Preview{AccountID: a.ID, AccountLabel: a.Label(), Text: p.TextFor(a.Platform), Quote: p.QuoteFor(a.Platform), account: a}
		if r, err := textlen.Count(string(a.Platform), pv.Text, textlen.Options{}); err == nil {
			pv.Length, pv.Limit, pv.Problems = r.Length, r.Limit, r.Problems
		}
		out = append(out, pv)
	}
	return out, nil
}

// measurePreviews counts each preview's text as its account's server
// counts it (a Mastodon-API instance's own limit and URL counting, as the
// compose counter and submit do). It runs outside the transaction: the
// server may be asked for its rules.
func (s *Service) measurePreviews(ctx context.Context, pvs []Preview) {
	for i := range pvs {
		if pv := &pvs[i]; pv.account != nil {
			c := s.countOne(ctx, pv.account, countedText(*pv))
			pv.Length, pv.Limit, pv.Problems, pv.Counting = c.Length, c.Limit, c.Problems, c.Counting
		}
	}
}
