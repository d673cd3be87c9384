package approval

import (
	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Approvers.
const (
	ApproverCandidate = "candidate"
	ApproverEditor    = "editor"
)

// route decides who must approve p: the candidate when it targets one of
// her accounts and is sensitive, an editor otherwise. Reasons are French,
// shown as is on the dashboard.
func (s *Service) route(tx *store.Tx, p *relais.Post) (relais.Routing, error) {
	onCandidate := false
	for _, id := range p.Targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return relais.Routing{}, err
		}
		onCandidate = onCandidate || a.OwnerKind == relais.OwnerCandidate
	}
	var reasons []string
	if p.Sensitive {
		reasons = append(reasons, "sensible : marqué sensible par l'auteur")
	}
	opponent, pledge, figures := s.tone.Signals(p.Text)
	if opponent {
		reasons = append(reasons, "sensible : cite un adversaire")
	}
	if pledge {
		reasons = append(reasons, "sensible : engagement de campagne")
	}
	if figures {
		reasons = append(reasons, "sensible : cite des chiffres")
	}
	if p.Tone != nil && p.Tone.Verdict != "ok" {
		reasons = append(reasons, "sensible : avertissement de ton")
	}
	if onCandidate && len(reasons) > 0 {
		return relais.Routing{Approver: ApproverCandidate, Reasons: reasons}, nil
	}
	why := "routine : validation par un·e responsable web"
	if !onCandidate {
		why = "hors compte de la candidate : validation par un·e responsable web"
	}
	return relais.Routing{Approver: ApproverEditor, Reasons: append(reasons, why)}, nil
}

// MayApprove reports whether m may decide on p: never its author; the
// candidate alone for posts routed to her; editors, admins and the
// candidate for the others.
func MayApprove(m *relais.Member, p *relais.Post) bool {
	if m.ID == p.AuthorID {
		return false
	}
	if p.Routing.Approver == ApproverCandidate {
		return m.Role == relais.RoleCandidate
	}
	return m.Role == relais.RoleEditor || m.Role == relais.RoleAdmin || m.Role == relais.RoleCandidate
}
