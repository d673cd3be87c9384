package scheduler

import (
	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
)

// trackedText returns the post's text for an account with its links
// replaced by tracked short links (saved in tx), unless the account opted
// out or tracking is off.
func (s *Scheduler) trackedText(tx *store.Tx, p *relais.Post, a *relais.Account) (string, error) {
	return s.cfg.Links.Rewrite(tx, analytics.ScopeForAccount(p, a), p.TextFor(a.Platform))
}

// trackSuggestions replaces the links of share suggestions by tracked
// short links: one code per variant, channel (colistier or supporter) and
// district, never per person.
func (s *Scheduler) trackSuggestions(tx *store.Tx, p *relais.Post, ss []relais.Suggestion) error {
	if s.cfg.Links == nil || len(ss) == 0 {
		return nil
	}
	variants := p.VariantNames()
	var members, supporters []int64
	for _, sg := range ss {
		if sg.MemberID != 0 {
			members = append(members, sg.MemberID)
		} else {
			supporters = append(supporters, sg.SupporterID)
		}
	}
	mDistricts, err := tx.Districts("members", members)
	if err != nil {
		return err
	}
	sDistricts, err := tx.Districts("supporters", supporters)
	if err != nil {
		return err
	}
	done := map[analytics.Scope]string{}
	for i := range ss {
		sc := analytics.Scope{PostID: p.ID, Variant: variants[ss[i].Text], Channel: analytics.ChannelColistier,
			District: mDistricts[ss[i].MemberID]}
		if ss[i].MemberID == 0 {
			sc.Channel, sc.District = analytics.ChannelSupporter, sDistricts[ss[i].SupporterID]
		}
		key := sc
		key.Ref = ss[i].Text // one rewrite per scope and text
		text, ok := done[key]
		if !ok {
			if text, err = s.cfg.Links.Rewrite(tx, sc, ss[i].Text); err != nil {
				return err
			}
			done[key] = text
		}
		ss[i].Text = text
	}
	return nil
}
