package ui

import (
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/relais/relais"
)

// mediaUpload is the JSON form of an upload, for scripts.
type mediaUpload struct {
	Filename string `json:"filename"`
	Data     string `json:"data"` // base64
	AltText  string `json:"alt_text,omitempty"`
}

// handleMediaUpload handles POST /api/media: a multipart form (file,
// alt_text) from the compose page, or JSON {filename, data, alt_text}.
func (s *Server) handleMediaUpload(w http.ResponseWriter, r *http.Request) {
	name, data, alt, err := readUpload(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	m, err := s.cfg.Approval.Upload(r.Context(), name, data, alt)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, m)
}

func readUpload(r *http.Request) (name string, data []byte, alt string, err error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		var in mediaUpload
		if err := decodeJSON(r, &in); err != nil {
			return "", nil, "", err
		}
		if data, err = base64.StdEncoding.DecodeString(in.Data); err != nil {
			return "", nil, "", relais.FieldErrorf("data", "data must be the image in standard base64.").With("error.upload_base64")
		}
		return in.Filename, data, in.AltText, nil
	}
	f, h, err := r.FormFile("file")
	if err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			return "", nil, "", relais.Errorf(relais.ETOOLARGE, "The upload is larger than %d MB.", MaxUploadBytes>>20).With("error.upload_large", "max", strconv.Itoa(MaxUploadBytes>>20))
		}
		return "", nil, "", relais.FieldErrorf("file", "A file is required.").With("error.file_required")
	}
	defer f.Close()
	if data, err = io.ReadAll(f); err != nil {
		return "", nil, "", relais.Errorf(relais.ETOOLARGE, "The upload is larger than %d MB.", MaxUploadBytes>>20).With("error.upload_large", "max", strconv.Itoa(MaxUploadBytes>>20))
	}
	return h.Filename, data, r.FormValue("alt_text"), nil
}

// handleMediaGet handles GET /media/{id}: the image, for previews.
func (s *Server) handleMediaGet(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "Media not found."))
		return
	}
	data, ct, err := s.cfg.Approval.MediaData(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.Header().Set("Cache-Control", "private, max-age=86400")
	_, _ = w.Write(data)
}
