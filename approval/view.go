package approval

import (
	"context"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
	"github.com/relais/relais/textdiff"
)

// DeliveryView is a delivery with its account's handle and platform.
type DeliveryView struct {
	*relais.Delivery
	Handle   string          `json:"handle"`
	Platform relais.Platform `json:"platform"`
}

// PostView is a post with its decisions, deliveries and history.
type PostView struct {
	*relais.Post
	Approvals  []relais.Approval   `json:"approvals"`
	Deliveries []DeliveryView      `json:"deliveries"`
	History    []relais.AuditEntry `json:"history,omitempty"`
	// HistoryNext, when set, is the history_after cursor of the next page
	// of history (HistoryPageSize entries a page).
	HistoryNext int64 `json:"history_next,omitempty"`
	MayApprove  bool  `json:"may_approve"`
	MayEdit     bool  `json:"may_edit"`
	// AwaitingSecond names the second approvers still awaited once the
	// first step is approved.
	AwaitingSecond []string         `json:"awaiting_second,omitempty"`
	Comments       []*store.Comment `json:"comments"`
	// Previews show the post as each target account will publish it.
	Previews []Preview `json:"previews"`
	// Diff shows the approver the words changed since a reviewer last read
	// the post (removed and added), when it was edited after submission.
	Diff []textdiff.Part `json:"diff,omitempty"`
}

// HistoryPageSize is how many history entries one post view carries.
const HistoryPageSize = 200

// Get returns a post as the signed-in member may see it, with the first
// page of its history. Colistiers see only published posts. Returns
// ENOTFOUND if none is visible.
func (s *Service) Get(ctx context.Context, id int64) (*PostView, error) {
	return s.GetPage(ctx, id, 0)
}

// GetPage is Get with the page of history that follows the entry
// historyAfter (0: the first page); PostView.HistoryNext names the next.
func (s *Service) GetPage(ctx context.Context, id, historyAfter int64) (*PostView, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var v *PostView
	err = s.store.View(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(id)
		if err != nil {
			return err
		} else if !policy.Can(m, policy.PostReadUnpublished, policy.PostObject(p)) && p.State != relais.PostPublished {
			return relais.Errorf(relais.ENOTFOUND, "Post %d not found.", id)
		}
		if v, err = s.view(tx, m, p, historyAfter); err == nil && !policy.Can(m, policy.PostReadReview, policy.PostObject(p)) {
			v.staffOnly()
		} else if err == nil {
			v.hideEmails(m)
		}
		return err
	})
	if err == nil {
		s.measurePreviews(ctx, v.Previews)
	}
	return v, err
}

// staffOnly strips what colistiers may not read: the web team's
// discussion, decisions and history of the post.
func (v *PostView) staffOnly() {
	v.Comments, v.Approvals, v.History, v.AwaitingSecond = []*store.Comment{}, []relais.Approval{}, nil, nil
	v.HistoryNext = 0
	v.Routing, v.Tone, v.Diff = relais.Routing{}, nil, nil
}

func (s *Service) view(tx *store.Tx, m *relais.Member, p *relais.Post, historyAfter int64) (*PostView, error) {
	v := &PostView{Post: p, Deliveries: []DeliveryView{}, MayEdit: p.State.Editable() && mayEdit(m, p)}
	st, err := stageOf(tx, p)
	if err != nil {
		return nil, err
	}
	if v.MayApprove, err = mayDecideIn(tx, st, m, p); err != nil {
		return nil, err
	} else if v.Previews, err = previews(tx, p); err != nil {
		return nil, err
	} else if err = s.shortenPreviews(tx, p, v.Previews); err != nil {
		return nil, err
	}
	if p.State == relais.PostInReview && st.first != 0 {
		if v.AwaitingSecond, err = s.memberNames(tx, st.awaiting()); err != nil {
			return nil, err
		}
	}
	if v.Approvals, err = tx.Approvals(p.ID); err != nil {
		return nil, err
	} else if v.Comments, err = tx.Comments(p.ID); err != nil {
		return nil, err
	} else if v.Diff, err = reviewDiff(tx, p, v.Approvals); err != nil {
		return nil, err
	}
	if err := v.historyPage(tx, historyAfter); err != nil {
		return nil, err
	}
	ds, err := tx.Deliveries(p.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		a, err := tx.AccountByID(d.AccountID)
		if err != nil {
			return nil, err
		}
		v.Deliveries = append(v.Deliveries, DeliveryView{Delivery: d, Handle: a.Handle, Platform: a.Platform})
	}
	return v, nil
}

// Queue returns the posts in review that the signed-in member may decide
// on, oldest first.
func (s *Service) Queue(ctx context.Context) ([]*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var out []*relais.Post
	err = s.store.View(ctx, func(tx *store.Tx) error {
		ps, err := tx.Posts(store.PostFilter{States: []relais.PostState{relais.PostInReview}})
		if err != nil {
			return err
		}
		for i := len(ps) - 1; i >= 0; i-- {
			st, err := stageOf(tx, ps[i])
			if err != nil {
				return err
			}
			if may, err := mayDecideIn(tx, st, m, ps[i]); err != nil {
				return err
			} else if may {
				out = append(out, ps[i])
			}
		}
		return nil
	})
	return out, err
}

// Posts returns recent posts for the web team and the candidate.
func (s *Service) Posts(ctx context.Context, f store.PostFilter) ([]*relais.Post, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.PostReadUnpublished, policy.Object{}) {
		f.States = []relais.PostState{relais.PostPublished}
	}
	var out []*relais.Post
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Posts(f)
		return err
	})
	if !policy.Can(m, policy.PostReadReview, policy.Object{}) {
		for _, p := range out {
			p.Routing, p.Tone = relais.Routing{}, nil // the web team's review, as on the post page
		}
	}
	return out, err
}

// Accounts returns the accounts the signed-in member may target.
func (s *Service) Accounts(ctx context.Context) ([]*relais.Account, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var out []*relais.Account
	err = s.store.View(ctx, func(tx *store.Tx) error {
		all, err := tx.Accounts()
		for _, a := range all {
			if MayTarget(m, a) {
				out = append(out, a)
			}
		}
		return err
	})
	return out, err
}

// ProfileFor returns the tone profile to check with: the one named, or the
// profile of the account named (by id or handle), or "candidate".
func (s *Service) ProfileFor(ctx context.Context, profile, account string) (string, error) {
	if _, err := caller(ctx); err != nil {
		return "", err
	} else if profile != "" || account == "" {
		if profile == "" {
			profile = "candidate"
		}
		return profile, nil
	}
	var out string
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var t Target
		if err := t.UnmarshalJSON([]byte(strconv.Quote(account))); err != nil {
			return relais.FieldErrorf("account", "Unknown account %q.", account)
		}
		a, err := lookupTarget(tx, t)
		if err != nil {
			return relais.FieldErrorf("account", "Unknown account %q.", account)
		}
		out = a.ToneProfile
		return nil
	})
	return out, err
}

// historyPage loads the page of the post's history after entry `after`.
func (v *PostView) historyPage(tx *store.Tx, after int64) error {
	h, err := tx.Audit(store.AuditFilter{PostID: v.ID, AfterID: after, Limit: HistoryPageSize + 1})
	if err != nil {
		return err
	}
	if len(h) > HistoryPageSize {
		h = h[:HistoryPageSize]
		v.HistoryNext = h[len(h)-1].ID
	}
	v.History = h
	return nil
}
