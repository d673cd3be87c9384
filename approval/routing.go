package approval

import (
	"github.com/relais/relais"
	"github.com/relais/relais/approval/tone"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Approvers.
const (
	ApproverCandidate = "candidate"
	ApproverEditor    = "editor"
)

// route decides who must approve p: the candidate when it targets one of
// her accounts and is sensitive (in any of the texts its platforms will
// show), an editor otherwise, and an editor too when the candidate wrote
// it herself (nobody approves their own post). Reasons are catalogue keys
// (i18n.Reason*), rendered in each reader's language.
func (s *Service) route(tx *store.Tx, p *relais.Post) (relais.Routing, error) {
	onCandidate, texts := false, map[string]bool{}
	for _, id := range p.Targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return relais.Routing{}, err
		}
		onCandidate = onCandidate || a.OwnerKind == relais.OwnerCandidate
		texts[p.TextFor(a.Platform)] = true
	}
	reasons := s.sensitivity(p, texts)
	if onCandidate && len(reasons) > 0 {
		author, err := tx.MemberByID(p.AuthorID)
		if err != nil {
			return relais.Routing{}, err
		} else if !policy.Grants(author.Role, policy.PostApproveSensitive) {
			return relais.Routing{Approver: ApproverCandidate, Reasons: reasons}, nil
		}
		reasons = append(reasons, i18n.ReasonByCandidate)
	}
	why := i18n.ReasonRoutine
	if !onCandidate {
		why = i18n.ReasonNotCandidate
	}
	return relais.Routing{Approver: ApproverEditor, Reasons: append(reasons, why)}, nil
}

// sensitivity returns why p is sensitive, looking at every text it will
// publish (the main text, each targeted platform's variant and the images'
// alt texts).
func (s *Service) sensitivity(p *relais.Post, texts map[string]bool) []string {
	var reasons []string
	if p.Sensitive {
		reasons = append(reasons, i18n.ReasonMarked)
	}
	texts[p.Text] = true
	for _, alt := range altTexts(p) {
		texts[alt] = true
	}
	var opponent, pledge, figures bool
	for t := range texts {
		// The normalised text: hidden characters (U+200B, U+00AD, U+2060…),
		// full-width and look-alike letters cannot hide a signal.
		o, pl, f := s.tone.Signals(tone.Normalize(t))
		opponent, pledge, figures = opponent || o, pledge || pl, figures || f
	}
	if opponent {
		reasons = append(reasons, i18n.ReasonOpponent)
	}
	if pledge {
		reasons = append(reasons, i18n.ReasonPledge)
	}
	if figures {
		reasons = append(reasons, i18n.ReasonFigures)
	}
	if p.Tone != nil && p.Tone.Verdict != "ok" {
		reasons = append(reasons, i18n.ReasonTone)
	}
	return reasons
}

// MayApprove reports whether m may decide on p: never its author; the
// candidate alone for posts routed to her; editors, admins and the
// candidate for the others.
func MayApprove(m *relais.Member, p *relais.Post) bool {
	if m.ID == p.AuthorID {
		return false
	}
	if p.Routing.Approver == ApproverCandidate {
		return policy.Can(m, policy.PostApproveSensitive, policy.PostObject(p))
	}
	return policy.Can(m, policy.PostApprove, policy.PostObject(p))
}
