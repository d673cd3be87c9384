package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
)

// videoCreate is the body of POST /api/videos/uploads.
type videoCreate struct {
	Filename  string            `json:"filename"`
	Size      int64             `json:"size"`
	Platforms []relais.Platform `json:"platforms,omitempty"`
}

// handleVideoCreate handles POST /api/videos/uploads: it starts a
// resumable upload and answers its id and the URL to PATCH chunks to.
func (s *Server) handleVideoCreate(w http.ResponseWriter, r *http.Request) {
	var in videoCreate
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	u, err := s.cfg.Videos.Create(r.Context(), in.Filename, in.Size, in.Platforms...)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/videos/uploads/"+u.ID)
	writeJSON(w, http.StatusCreated, u)
}

// handleVideoStatus handles GET /api/videos/uploads/{id}: the offset to
// resume from, and once complete the SHA-256 and what the container says.
func (s *Server) handleVideoStatus(w http.ResponseWriter, r *http.Request) {
	u, err := s.cfg.Videos.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Upload-Offset", strconv.FormatInt(u.Offset, 10))
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, u)
}

// handleVideoChunk handles PATCH /api/videos/uploads/{id}: the body is
// written at the Upload-Offset header's offset, streamed to disk.
func (s *Server) handleVideoChunk(w http.ResponseWriter, r *http.Request) {
	off, err := strconv.ParseInt(r.Header.Get("Upload-Offset"), 10, 64)
	if err != nil {
		off = -1 // refused by Append, after the role check
	}
	u, err := s.cfg.Videos.Append(r.Context(), r.PathValue("id"), off, r.Body)
	if u != nil {
		w.Header().Set("Upload-Offset", strconv.FormatInt(u.Offset, 10))
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, u)
}
