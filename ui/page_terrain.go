package ui

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/capture"
	"github.com/relais/relais/policy"
)

// terrainPage is the phone's capture screen.
type terrainPage struct {
	Page
	MaxMB int
}

// handleTerrainPage handles GET /terrain.
func (s *Server) handleTerrainPage(w http.ResponseWriter, r *http.Request) {
	p := terrainPage{Page: s.newPage(w, r, "terrain.title", "terrain"), MaxMB: relais.MaxMediaBytes >> 20}
	if !p.Can(policy.PostCreate) {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "%s", p.T("terrain.forbidden")))
		return
	}
	s.render(w, http.StatusOK, "terrain", p)
}

// handleCapture handles POST /api/capture: a multipart form with key,
// caption, optional file and alt_text. 201 for a new post, 200 for a key
// already used (the first post, "duplicate": true).
func (s *Server) handleCapture(w http.ResponseWriter, r *http.Request) {
	in, err := readCapture(r)
	var res *capture.Result
	if err == nil {
		res, err = s.cfg.Capture.Submit(r.Context(), in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	status := http.StatusCreated
	if res.Duplicate {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}

// captureJSON is a capture without a file, for scripts.
type captureJSON struct {
	Key     string `json:"key"`
	Caption string `json:"caption"`
}

// readCapture decodes the capture: a multipart form (the file is
// optional) or JSON without a file.
func readCapture(r *http.Request) (capture.Input, error) {
	var in capture.Input
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" {
		var j captureJSON
		err := decodeJSON(r, &j)
		in.Key, in.Caption = j.Key, j.Caption
		return in, err
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			return in, relais.Errorf(relais.ETOOLARGE, "The upload is larger than %d MB.", MaxUploadBytes>>20).With("error.upload_large", "max", strconv.Itoa(MaxUploadBytes>>20))
		}
		return in, relais.Errorf(relais.EINVALID, "A multipart form (key, caption, file) is required.").With("error.capture_form")
	}
	in.Key, in.Caption, in.AltText = r.FormValue("key"), r.FormValue("caption"), r.FormValue("alt_text")
	f, h, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return in, nil
	} else if err != nil {
		return in, relais.FieldErrorf("file", "The file could not be read.").With("error.file_unreadable")
	}
	defer f.Close()
	in.Filename = h.Filename
	if in.Data, err = io.ReadAll(f); err != nil {
		return in, relais.FieldErrorf("file", "The file could not be read.").With("error.file_unreadable")
	}
	return in, nil
}
