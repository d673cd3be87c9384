package approval

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Notification kinds.
const (
	KindApprovalRequested = "approval_requested" // a post awaits the candidate
	KindSecondStep        = "second_step"        // a post awaits its second approver
	KindMention           = "mention"            // a comment names the member
)

// EventApprovalRequested is the live event telling the candidate that a
// post awaits her decision.
const EventApprovalRequested = "approval.requested"

// Notification tells members that something awaits them on a post.
type Notification struct {
	Kind   string
	To     []*relais.Member
	PostID int64
	Text   string   // the post's text (or the comment's), as is
	Why    []string // routing reasons, or who commented
	Path   string   // the one-tap page, "/posts/12"
}

// Notifier delivers notifications (e-mail in production, a fake in
// tests). It is called after the transaction commits and must not block.
type Notifier interface {
	Notify(ctx context.Context, n Notification)
}

// SetNotifier makes the service notify members through n.
func (s *Service) SetNotifier(n Notifier) { s.notifier = n }

// notifyMembers notifies the members ids once tx commits.
func (s *Service) notifyMembers(tx *store.Tx, ids []int64, p *relais.Post, kind string, why ...string) error {
	if s.notifier == nil || len(ids) == 0 {
		return nil
	}
	n := Notification{Kind: kind, PostID: p.ID, Text: p.Text, Why: why, Path: fmt.Sprintf("/posts/%d", p.ID)}
	for _, id := range ids {
		m, err := tx.MemberByID(id)
		if err != nil {
			return err
		}
		n.To = append(n.To, m)
	}
	ctx := context.WithoutCancel(tx.Context())
	tx.AfterCommit(func() { s.notifier.Notify(ctx, n) })
	return nil
}

// requested tells the candidate, live and by e-mail, when p has just been
// routed to her.
func (s *Service) requested(tx *store.Tx, p *relais.Post) error {
	if p.State != relais.PostInReview || p.Routing.Approver != ApproverCandidate {
		return nil
	}
	approvers := policy.Holders(policy.PostApproveSensitive) // the candidate
	s.announce(tx, EventApprovalRequested, p, approvers...)
	cs, err := membersByRoles(tx, approvers)
	if err != nil {
		return err
	}
	var ids []int64
	for _, c := range cs {
		if c.ID != p.AuthorID {
			ids = append(ids, c.ID)
		}
	}
	return s.notifyMembers(tx, ids, p, KindApprovalRequested, p.Routing.Reasons...)
}

// MailNotifier e-mails notifications with a one-tap link to the post,
// each in its own goroutine so that a slow SMTP server never holds a
// request. Send failures are logged.
type MailNotifier struct {
	BaseURL string // "https://relais.avec-anne.fr"
	Send    func(ctx context.Context, to, subject, text string) error
	Log     *slog.Logger
	// Pending, when set, counts the e-mails being sent, so that shutdown
	// waits for them before closing what they use.
	Pending *sync.WaitGroup
}

// Notify implements Notifier.
func (mn MailNotifier) Notify(ctx context.Context, n Notification) {
	for _, m := range n.To {
		subject, text := mailFor(n, m, strings.TrimSuffix(mn.BaseURL, "/")+n.Path)
		if mn.Pending != nil {
			mn.Pending.Add(1)
		}
		go func() {
			if mn.Pending != nil {
				defer mn.Pending.Done()
			}
			ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			if err := mn.Send(ctx, m.Email, subject, text); err != nil && mn.Log != nil {
				mn.Log.Error("cannot send notification", slog.String("kind", n.Kind),
					slog.Int64("post_id", n.PostID), slog.Int64("member_id", m.ID), slog.Any("error", err))
			}
		}()
	}
}

// mailFor writes a notification's subject and text in m's language.
func mailFor(n Notification, m *relais.Member, link string) (subject, text string) {
	why := make([]string, len(n.Why))
	for i, r := range n.Why {
		why[i] = i18n.Reason(m.Lang, r)
	}
	key := "mail.mention"
	switch n.Kind {
	case KindApprovalRequested:
		key = "mail.approval"
	case KindSecondStep:
		key = "mail.second_step"
	}
	params := map[string]string{"name": m.Name, "text": excerpt(n.Text), "why": strings.Join(why, i18n.T(m.Lang, "mail.list_sep", nil)), "link": link}
	return i18n.T(m.Lang, key+".subject", params), i18n.T(m.Lang, "mail.notify.body", params)
}

// membersByRoles returns the members of every role of roles.
func membersByRoles(tx *store.Tx, roles []relais.Role) ([]*relais.Member, error) {
	var out []*relais.Member
	for _, r := range roles {
		ms, err := tx.MembersByRole(r)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	return out, nil
}
