package ui

import (
	"github.com/relais/relais"
	"github.com/relais/relais/policy"
)

// CanMovePost reports whether the member may reschedule p from the
// queue's list of recent posts (the web team, on a post not yet
// published): the same rule as CanMove, for a bare post.
func (p Page) CanMovePost(post *relais.Post) bool {
	return p.Member != nil && movable(post.State) && policy.Can(p.Member, policy.PostReschedule, policy.PostObject(post))
}

// moveNext is where a move form sends the member back: the queue when it
// came from there, else the calendar's week of the new date (never an
// address the form chose freely).
func moveNext(next, date string) string {
	if next == "/" {
		return "/?ok=moved"
	}
	return "/calendar?view=week&date=" + date + "&ok=moved"
}
