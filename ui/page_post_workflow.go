package ui

import (
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// discussionItem is one line of a post's Discussion: a comment, or a
// decision that came with a comment (a request for changes, a refusal, an
// approval with a remark), so that the author reads the approver's words
// where the team talks.
type discussionItem struct {
	ID       int64 // the comment's, 0 for a decision
	Author   string
	Decision string
	Body     string
	At       time.Time
	Reply    bool
}

// discussion merges comments and commented decisions, oldest first.
func discussion(cs []*store.Comment, as []relais.Approval) []discussionItem {
	var out []discussionItem
	for _, c := range cs {
		out = append(out, discussionItem{ID: c.ID, Author: c.Author, Body: c.Body, At: c.CreatedAt, Reply: c.ParentID != nil})
	}
	for _, a := range as {
		if a.Comment != "" {
			out = append(out, discussionItem{Author: a.MemberName, Decision: a.Decision, Body: a.Comment, At: a.CreatedAt})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// lastChangesRequest is the latest request for changes on v, if any.
func lastChangesRequest(v *approval.PostView) *relais.Approval {
	for i := len(v.Approvals) - 1; i >= 0; i-- {
		if v.Approvals[i].Decision == string(relais.PostChangesRequested) {
			return &v.Approvals[i]
		}
	}
	return nil
}

// CanDelete reports whether the member may delete v (the service decides
// again when she does).
func (p Page) CanDelete(v *approval.PostView) bool {
	m := p.Member
	return m != nil && approval.Deletable(v.State) && p.CanOn(policy.PostDelete, v)
}

// CanDuplicate reports whether the member may copy v into a new draft.
func (p Page) CanDuplicate(v *approval.PostView) bool {
	return p.Can(policy.PostCreate)
}

// Tf translates key and fills its %s verbs with args.
func (p Page) Tf(key string, args ...any) string { return fmt.Sprintf(p.T(key), args...) }

// myPostsToRework returns the member's posts sent back for changes and
// her drafts, most recent first (at most 20).
func (s *Server) myPostsToRework(r *http.Request) ([]*approval.PostView, error) {
	m := memberOf(r)
	ps, err := s.cfg.Approval.Posts(r.Context(), store.PostFilter{States: []relais.PostState{relais.PostChangesRequested, relais.PostDraft}, Limit: 100})
	var out []*approval.PostView
	for _, p := range ps {
		if err != nil || p.AuthorID != m.ID || len(out) == 20 {
			continue
		}
		var v *approval.PostView
		if v, err = s.cfg.Approval.Get(r.Context(), p.ID); err == nil {
			out = append(out, v)
		}
	}
	return out, err
}

// AskedOf returns the latest request for changes on v, if any.
func (p Page) AskedOf(v *approval.PostView) *relais.Approval { return lastChangesRequest(v) }

// CanMove reports whether the member may reschedule v from the queue or
// the post page (the web team, on a post not yet published).
func (p Page) CanMove(v *approval.PostView) bool {
	m := p.Member
	return m != nil && movable(v.State) && p.CanOn(policy.PostReschedule, v)
}
