package approval

import (
	"slices"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Approval decisions. A post whose accounts have a second step gets a
// DecisionStep from its first approver, then DecisionApproved from the
// second; the post stays in review in between.
const (
	DecisionApproved = "approved"
	DecisionStep     = "step_approved"
)

// stage is where a post in review stands in its approval steps for its
// current content hash.
type stage struct {
	second []int64        // second-step approvers configured on its accounts
	first  int64          // who approved the first step, 0 if nobody yet
	done   map[int64]bool // second-step approvers who approved already
}

// stageOf reads the approval steps of p's accounts and the step approvals
// of its current content. A refusal or a request for changes starts over.
func stageOf(tx *store.Tx, p *relais.Post) (*stage, error) {
	steps, err := tx.ApprovalSteps(p.Targets)
	if err != nil {
		return nil, err
	}
	st := &stage{done: map[int64]bool{}}
	for _, id := range p.Targets {
		if m, ok := steps[id]; ok && !slices.Contains(st.second, m) {
			st.second = append(st.second, m)
		}
	}
	if len(st.second) == 0 {
		return st, nil
	}
	as, err := tx.Approvals(p.ID)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		if a.Decision != DecisionStep && a.Decision != DecisionApproved {
			st.first, st.done = 0, map[int64]bool{}
		} else if a.ContentHash == p.ContentHash && st.first == 0 {
			st.first = a.MemberID
		} else if a.ContentHash == p.ContentHash {
			st.done[a.MemberID] = true
		}
	}
	return st, nil
}

// awaiting returns the second-step approvers still to approve.
func (st *stage) awaiting() []int64 {
	var out []int64
	for _, id := range st.second {
		if !st.done[id] && id != st.first {
			out = append(out, id)
		}
	}
	return out
}

// final reports whether m's approval completes the steps.
func (st *stage) final(m *relais.Member) bool {
	if len(st.second) == 0 {
		return true
	}
	rest := st.awaiting()
	return st.first != 0 && len(rest) == 1 && rest[0] == m.ID
}

// mayDecide reports whether m may decide on p now: the routed approver for
// the first step, then only the second-step approvers still awaited.
func (st *stage) mayDecide(m *relais.Member, p *relais.Post) bool {
	if m.ID == p.AuthorID || !policy.Grants(m.Role, policy.PostApprove) {
		return false
	} else if st.first == 0 {
		return MayApprove(m, p)
	}
	return slices.Contains(st.awaiting(), m.ID)
}

// refusal explains why m may not decide on p now, or returns nil.
func (st *stage) refusal(m *relais.Member, p *relais.Post) error {
	switch {
	case st.mayDecide(m, p):
		return nil
	case st.first == 0:
		return relais.Errorf(relais.EFORBIDDEN, "This post needs the candidate's approval (%s).", strings.Join(englishReasons(p.Routing.Reasons), ", "))
	case st.first == m.ID:
		return relais.Errorf(relais.EFORBIDDEN, "You approved the first step: the second step needs another person.")
	}
	return relais.Errorf(relais.EFORBIDDEN, "This post awaits its second approval step, by the account's second approver.")
}

// englishReasons renders routing reasons in English, for an error message.
func englishReasons(rs []string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = i18n.Reason(i18n.EN, r)
	}
	return out
}
