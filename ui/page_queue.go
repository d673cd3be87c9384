package ui

import (
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// queuePage lists what awaits the member and recent posts.
type queuePage struct {
	Page
	Queue  []*approval.PostView
	Recent []*relais.Post
}

// handleQueuePage handles GET /: the queue. ?fragment=queue renders only
// the list, for live refreshes.
func (s *Server) handleQueuePage(w http.ResponseWriter, r *http.Request) {
	p := queuePage{Page: s.newPage(w, r, "queue.title", "queue")}
	ctx := r.Context()
	posts, err := s.cfg.Approval.Queue(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, post := range posts {
		v, err := s.cfg.Approval.Get(ctx, post.ID)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Queue = append(p.Queue, v)
	}
	if p.Recent, err = s.cfg.Approval.Posts(ctx, store.PostFilter{Limit: 20}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, http.StatusOK, "queue", p)
}
