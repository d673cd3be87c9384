package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
)

// pathID reads a post's {id} from the path.
func pathID(r *http.Request) (int64, error) { return pathIDOf(r, "Post") }

// pathIDOf reads the {id} of the path, a positive number; any other is a
// thing named noun ("Post", "Account") not found.
func pathIDOf(r *http.Request, noun string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, relais.Errorf(relais.ENOTFOUND, "%s %q not found.", noun, r.PathValue("id"))
	}
	return id, nil
}

// handlePostCreate handles POST /api/posts.
func (s *Server) handlePostCreate(w http.ResponseWriter, r *http.Request) {
	var in approval.PostInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	p, err := s.cfg.Approval.CreatePost(r.Context(), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePostWarned(w, r, http.StatusCreated, p.ID)
}

// handlePostUpdate handles PUT /api/posts/{id}.
func (s *Server) handlePostUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var in approval.PostInput
	if err == nil {
		err = decodeJSON(r, &in)
	}
	if err == nil {
		_, err = s.cfg.Approval.UpdatePost(r.Context(), id, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePostWarned(w, r, http.StatusOK, id)
}

// handlePostGet handles GET /api/posts/{id}.
func (s *Server) handlePostGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusOK, id)
}

func (s *Server) writePost(w http.ResponseWriter, r *http.Request, status int, id int64) {
	v, err := s.cfg.Approval.GetPage(r.Context(), id, historyAfter(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, status, s.apiPost(r, v))
}

// writePostWarned writes the post just saved with its warnings (another
// post too close on the same account).
func (s *Server) writePostWarned(w http.ResponseWriter, r *http.Request, status int, id int64) {
	v, err := s.cfg.Approval.GetPage(r.Context(), id, historyAfter(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, status, postWithWarnings{apiPostView: s.apiPost(r, v), Warnings: s.slotWarnings(r, requestLang(r), id)})
}

// handlePostList handles GET /api/posts?state=...
func (s *Server) handlePostList(w http.ResponseWriter, r *http.Request) {
	var f store.PostFilter
	for _, st := range r.URL.Query()["state"] {
		f.States = append(f.States, relais.PostState(st))
	}
	ps, err := s.cfg.Approval.Posts(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"posts": nonNil(ps)})
}

// handleQueue handles GET /api/queue: posts awaiting the caller's decision.
func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	ps, err := s.cfg.Approval.Queue(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"posts": nonNil(ps)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
