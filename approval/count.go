package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// MaxCountAccounts bounds the accounts one CountFor call measures for.
const MaxCountAccounts = 64

// AccountCount is a text measured for one target account, as that
// account's server counts it.
type AccountCount struct {
	AccountID int64  `json:"account_id"`
	Handle    string `json:"handle"`
	Text      string `json:"text"`
	connectors.TextCount
}

// CountFor measures, for each account of ids the caller may target,
// textFor(its platform) as the account's server counts it (a Mastodon-API
// instance's own limit and counting, as submit checks them), for the
// compose page's counters. Returns EUNAUTHORIZED without a caller, and
// EINVALID naming "account_ids" for too many ids or an account the caller
// may not target.
func (s *Service) CountFor(ctx context.Context, ids []int64, textFor func(relais.Platform) string) ([]AccountCount, error) {
	if len(ids) > MaxCountAccounts {
		return nil, relais.FieldErrorf("account_ids", "At most %d accounts.", MaxCountAccounts)
	}
	mine, err := s.Accounts(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*relais.Account, len(mine))
	for _, a := range mine {
		byID[a.ID] = a
	}
	out := make([]AccountCount, 0, len(ids))
	for _, id := range ids {
		a, ok := byID[id]
		if !ok {
			return nil, relais.FieldErrorf("account_ids", "Unknown account %d.", id)
		}
		out = append(out, s.countOne(ctx, a, textFor(a.Platform)))
	}
	return out, nil
}

// countOne measures text for a with its platform's connector, if any.
func (s *Service) countOne(ctx context.Context, a *relais.Account, text string) AccountCount {
	var c connectors.Connector
	if s.connectors != nil {
		c, _ = s.connectors.Get(a.Platform)
	}
	return AccountCount{AccountID: a.ID, Handle: a.Handle, Text: text, TextCount: connectors.CountFor(ctx, c, *a, text)}
}
