package approval

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Submit sends a draft to review: it runs the tone rules for every target
// account's profile and routes the post. Returns EBLOCKED if a rule blocks
// it (unless an admin overrode that content), ECONFLICT from a wrong state.
func (s *Service) Submit(ctx context.Context, id int64) (*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var p *relais.Post
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if p, err = postToEdit(tx, m, id, "submit"); err != nil {
			return err
		} else if _, err := relais.PostTransition(p.State, relais.PostSubmit); err != nil {
			return err
		}
		return s.submitIn(tx, m, p)
	})
	return p, err
}

// submitIn reviews p and moves it to review inside tx, with its
// notifications and audit entry.
func (s *Service) submitIn(tx *store.Tx, m *relais.Member, p *relais.Post) error {
	if err := s.reviewAndMove(tx, p, relais.PostSubmit); err != nil {
		return err
	}
	return audit(tx, m, "post.submit", p, i18n.Code("history.routing", "approver", p.Routing.Approver))
}

// reviewAndMove reviews p, moves it to review by ev (submit or override),
// saves it and tells the team and the approvers; the caller writes the
// audit entry.
func (s *Service) reviewAndMove(tx *store.Tx, p *relais.Post, ev relais.PostEvent) error {
	if err := s.review(tx, p); err != nil {
		return err
	}
	if err := tx.MovePost(p, ev); err != nil {
		return err
	} else if err := tx.UpdatePost(p); err != nil {
		return err
	}
	s.announce(tx, relais.EventPostSubmitted, p)
	return s.requested(tx, p)
}

// review runs the tone check and routing of p in place. A block verdict
// stops it unless an admin overrode this very content.
func (s *Service) review(tx *store.Tx, p *relais.Post) error {
	if err := s.checkPlatforms(tx, p); err != nil {
		return err
	}
	overridden := p.Tone != nil && p.Tone.Overridden && p.Tone.Hash == p.ContentOnlyHash() // moving it keeps the override
	tv, err := s.checkTone(tx, p)
	if err != nil {
		return err
	}
	tv.Overridden, tv.Hash = overridden, p.ContentOnlyHash()
	p.Tone = tv
	if tv.Verdict == "block" && !overridden {
		return &relais.Error{Code: relais.EBLOCKED, Field: "text",
			Message: "This post breaks the campaign's tone rules.", Key: "error.tone_blocked"}
	}
	p.Routing, err = s.route(tx, p)
	return err
}

// checkTone runs the tone rules for the profile of every target account
// and keeps the strictest verdict with its violations.
func (s *Service) checkTone(tx *store.Tx, p *relais.Post) (*relais.ToneVerdict, error) {
	worst := &relais.ToneVerdict{Verdict: "ok"}
	for _, id := range p.Targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return nil, err
		}
		for _, text := range append([]string{p.TextFor(a.Platform)}, altTexts(p)...) {
			verdict, vs := s.tone.Check(text, a.ToneProfile)
			if rank(verdict) > rank(worst.Verdict) || (worst.Violations == nil && hasViolations(vs)) {
				worst.Verdict, worst.Violations = verdict, vs
			}
		}
	}
	return worst, nil
}

// altTexts are the alt texts of p's images: published with it (platforms
// show them on demand), so reviewed like its text.
func altTexts(p *relais.Post) []string {
	var out []string
	for _, m := range p.Media {
		if strings.TrimSpace(m.AltText) != "" {
			out = append(out, m.AltText)
		}
	}
	return out
}

func hasViolations(vs json.RawMessage) bool {
	return len(vs) > 0 && string(vs) != "[]" && string(vs) != "null"
}

func rank(verdict string) int {
	switch verdict {
	case "block":
		return 2
	case "warn":
		return 1
	}
	return 0
}

// postToEdit locks post id for a change by m: its author or the web team.
// Returns ENOTFOUND for an unknown post, EFORBIDDEN for anyone else.
func postToEdit(tx *store.Tx, m *relais.Member, id int64, verb string) (*relais.Post, error) {
	p, err := tx.PostForUpdate(id)
	if err != nil {
		return nil, err
	} else if !mayEdit(m, p) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only the author or the web team may %s this post.", verb)
	}
	return p, nil
}

// mayEdit reports whether m may edit or submit p: its author or the web team.
func mayEdit(m *relais.Member, p *relais.Post) bool {
	return policy.Can(m, policy.PostEdit, policy.PostObject(p))
}
