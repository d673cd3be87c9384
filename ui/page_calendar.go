package ui

import (
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// calendarPage is the week or month view of scheduled and published posts.
type calendarPage struct {
	Page
	View              string // "week" or "month"
	Label             string
	Prev, Next, Today template.URL // /calendar?view=…&account=…&date=…
	Weeks             [][]calDay
	Accounts          []*relais.Account
	Account           int64 // filter, 0 for all
	Rounds            []*approval.RoundView
	CanMove           bool
	Date              string         // the day shown, YYYY-MM-DD, for the date picker
	Undated           []*relais.Post // drafts without a date: listed aside, not placed
}

// calDay is one day cell.
type calDay struct {
	Date     time.Time
	ISO      string
	InMonth  bool
	Today    bool
	Blackout bool
	Entries  []calEntry
	Events   []*relais.FieldEvent // field events starting that day
}

// calEntry is one post on a day.
type calEntry struct {
	Post    *relais.Post
	At      time.Time
	Handles []string
	Movable bool
}

// movable reports whether a post in state s may still be moved.
func movable(s relais.PostState) bool {
	switch s {
	case relais.PostDraft, relais.PostInReview, relais.PostChangesRequested, relais.PostApproved, relais.PostScheduled:
		return true
	}
	return false
}

// handleCalendarPage handles GET /calendar?view=week|month&date=YYYY-MM-DD&account=ID.
func (s *Server) handleCalendarPage(w http.ResponseWriter, r *http.Request) {
	p := calendarPage{Page: s.newPage(w, r, "calendar.title", "calendar"), View: "week"}
	p.CanMove = policy.Grants(p.Member.Role, policy.PostReschedule)
	loc, q := s.cfg.Location, r.URL.Query()
	if q.Get("view") == "month" {
		p.View = "month"
	}
	now := time.Now().In(loc)
	day, err := time.ParseInLocation("2006-01-02", q.Get("date"), loc)
	if err != nil {
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	}
	p.Account, _ = strconv.ParseInt(q.Get("account"), 10, 64)
	from, to, prev, next := calRange(p.View, day)
	p.Label = calLabel(p.View, day, from, p.Lang)
	p.Prev, p.Next, p.Today = calURL(p.View, p.Account, prev), calURL(p.View, p.Account, next), calURL(p.View, p.Account, now)
	p.Date = day.Format("2006-01-02")
	ctx := r.Context()
	if p.Accounts, err = s.cfg.Approval.Accounts(ctx); err == nil {
		p.Rounds, err = s.cfg.Approval.ElectionRounds(ctx)
	}
	var posts []*relais.Post
	if err == nil {
		posts, err = s.calendarPosts(r, from, to)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	handles := map[int64]string{}
	for _, a := range p.Accounts {
		handles[a.ID] = "@" + a.Handle
	}
	byDay := map[string][]calEntry{}
	if p.Undated, err = s.undatedPosts(r, p.Account); err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, post := range posts {
		if p.Account != 0 && !hasTarget(post, p.Account) || undated(post) {
			continue
		}
		e := calEntry{Post: post, At: postTime(post).In(loc), Movable: p.CanMove && movable(post.State) && policy.Can(p.Member, policy.PostReschedule, policy.PostObject(post))}
		for _, id := range post.Targets {
			if h, ok := handles[id]; ok {
				e.Handles = append(e.Handles, h)
			}
		}
		k := e.At.Format("2006-01-02")
		byDay[k] = append(byDay[k], e)
	}
	evByDay := s.eventsByDay(r, from, to)
	for d := from; d.Before(to); d = d.AddDate(0, 0, 7) {
		var week []calDay
		for i := 0; i < 7; i++ {
			dd := d.AddDate(0, 0, i)
			c := calDay{Date: dd, ISO: dd.Format("2006-01-02"), InMonth: p.View == "week" || dd.Month() == day.Month(),
				Today: dd.Format("2006-01-02") == now.Format("2006-01-02"), Entries: byDay[dd.Format("2006-01-02")], Events: evByDay[dd.Format("2006-01-02")]}
			sort.Slice(c.Entries, func(a, b int) bool { return c.Entries[a].At.Before(c.Entries[b].At) })
			for _, rd := range p.Rounds {
				if rd.BlackoutStart.Before(dd.AddDate(0, 0, 1)) && rd.BlackoutEnd.After(dd) {
					c.Blackout = true
				}
			}
			week = append(week, c)
		}
		p.Weeks = append(p.Weeks, week)
	}
	s.render(w, http.StatusOK, "calendar", p)
}

// calendarPosts returns the posts scheduled in [from, to) and the recent
// posts published at once that fall in it.
func (s *Server) calendarPosts(r *http.Request, from, to time.Time) ([]*relais.Post, error) {
	sched, err := s.cfg.Approval.Posts(r.Context(), store.PostFilter{From: &from, To: &to, Limit: 1000})
	if err != nil {
		return nil, err
	}
	recent, err := s.cfg.Approval.Posts(r.Context(), store.PostFilter{Limit: 500})
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []*relais.Post
	for _, p := range append(sched, recent...) {
		t := postTime(p)
		if seen[p.ID] || t.Before(from) || !t.Before(to) || p.State == relais.PostCancelled || p.State == relais.PostRejected {
			continue
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out, nil
}

// postTime is when a post is (or was) due: its schedule, else its last change.
func postTime(p *relais.Post) time.Time {
	if p.ScheduledAt != nil {
		return *p.ScheduledAt
	}
	return p.UpdatedAt
}

func hasTarget(p *relais.Post, id int64) bool {
	for _, t := range p.Targets {
		if t == id {
			return true
		}
	}
	return false
}
