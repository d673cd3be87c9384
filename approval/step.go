package approval

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// approveStep records a first-step (or intermediate) approval: the post
// stays in review and the awaited second approvers are told.
func (s *Service) approveStep(tx *store.Tx, m *relais.Member, p *relais.Post, st *stage, in ApproveInput) error {
	if st.first == 0 {
		st.first = m.ID
		if len(st.awaiting()) == 0 {
			return relais.Errorf(relais.EFORBIDDEN, "You are this account's second approver: someone else must approve the first step.")
		}
	} else {
		st.done[m.ID] = true
	}
	if err := tx.AddApproval(&relais.Approval{PostID: p.ID, MemberID: m.ID, Decision: DecisionStep,
		ContentHash: p.ContentHash, Comment: strings.TrimSpace(in.Comment)}); err != nil {
		return err
	}
	if err := tx.MovePost(p, relais.PostApproveStep); err != nil {
		return err
	}
	names, err := s.memberNames(tx, st.awaiting())
	if err != nil {
		return err
	}
	s.announce(tx, relais.EventPostUpdated, p)
	if err := s.notifyMembers(tx, st.awaiting(), p, KindSecondStep); err != nil {
		return err
	}
	return audit(tx, m, "post.approve_step", p, i18n.Code("history.second_step", "names", strings.Join(names, ", ")))
}

func (s *Service) memberNames(tx *store.Tx, ids []int64) ([]string, error) {
	var out []string
	for _, id := range ids {
		mm, err := tx.MemberByID(id)
		if err != nil {
			return nil, err
		}
		out = append(out, mm.Name)
	}
	return out, nil
}

// SetSecondApprover makes a member the second approver of every post to an
// account (e.g. the web lead approves, then the campaign director);
// memberID 0 removes the second step. Only an admin may, since the step is
// a check on editors.
//
// Returns EFORBIDDEN for other roles, ENOTFOUND for an unknown account and
// EINVALID for an unknown member or one whose role may not approve.
func (s *Service) SetSecondApprover(ctx context.Context, accountID, memberID int64) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.ApprovalStepsSet, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Only an admin may configure approval steps.").With("error.admin_steps")
	}
	return s.store.Update(ctx, func(tx *store.Tx) error {
		a, err := tx.AccountByID(accountID)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("account %s:%s: second approval step removed", a.Platform, a.Handle)
		if memberID != 0 {
			second, err := tx.MemberByID(memberID)
			if relais.ErrorCode(err) == relais.ENOTFOUND {
				return relais.FieldErrorf("member_id", "Unknown member %d.", memberID).With("error.member_unknown", "id", strconv.FormatInt(memberID, 10))
			} else if err != nil {
				return err
			} else if !policy.Grants(second.Role, policy.PostApprove) {
				return relais.FieldErrorf("member_id", "%s's role (%s) may not approve posts.", second.Name, second.Role).With("error.approver_role", "name", second.Name, "role", string(second.Role))
			}
			detail = fmt.Sprintf("account %s:%s: second approval step by %s", a.Platform, a.Handle, relais.Actor(second))
		}
		if err := tx.SetApprovalStep(accountID, memberID); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "account.approval_step", Detail: detail})
	})
}

// SecondApprovers returns the second approver of every account that has
// one, by account ID. Returns EFORBIDDEN for roles that may not manage
// accounts.
func (s *Service) SecondApprovers(ctx context.Context) (map[int64]int64, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.ApprovalStepsRead, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not see account settings.", m.Role)
	}
	var out map[int64]int64
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.ApprovalSteps(nil)
		return err
	})
	return out, err
}
