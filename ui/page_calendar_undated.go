package ui

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// calURL is the calendar's address for a view, an account filter and a day.
func calURL(view string, account int64, day time.Time) template.URL {
	q := url.Values{"view": {view}, "account": {strconv.FormatInt(account, 10)}, "date": {day.Format("2006-01-02")}}
	return template.URL("/calendar?" + q.Encode())
}

// undated reports whether a post has no date yet and is still being
// written: it has no place on the grid. (A post in review without a date
// goes out on approval: it stays on the grid, at its last change.)
func undated(p *relais.Post) bool {
	if p.ScheduledAt != nil {
		return false
	}
	switch p.State {
	case relais.PostDraft, relais.PostChangesRequested:
		return true
	}
	return false
}

// undatedPosts lists the posts without a date (newest first), filtered by
// account when one is chosen.
func (s *Server) undatedPosts(r *http.Request, account int64) ([]*relais.Post, error) {
	ps, err := s.cfg.Approval.Posts(r.Context(), store.PostFilter{Limit: 200,
		States: []relais.PostState{relais.PostDraft, relais.PostChangesRequested}})
	var out []*relais.Post
	for _, p := range ps {
		if undated(p) && (account == 0 || hasTarget(p, account)) {
			out = append(out, p)
		}
	}
	return out, err
}
