package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
)

// handlePostVideo handles GET /posts/{id}/video: the post's video file for
// whoever may see the post (approvers, its author, colistiers once it is
// published), with Range requests (http.ServeContent) so that a <video>
// element seeks and streams it. The upload id is never enough: a member
// who may not see the post gets 404.
func (s *Server) handlePostVideo(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || s.cfg.Videos == nil {
		s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "Video not found."))
		return
	}
	v, err := s.cfg.Approval.PostVideo(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := s.cfg.Videos.OpenStored(v.UploadID)
	if err != nil {
		s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "The video file of post %d is gone.", id))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", v.ContentType) // from the container, read at upload
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("Cache-Control", "private, max-age=3600")
	h.Set("ETag", `"`+v.SHA256+`"`)
	http.ServeContent(w, r, "", st.ModTime(), f)
}
