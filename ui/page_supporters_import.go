package ui

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/supporters"
)

// importUploadBytes is the largest import upload (the service's limit,
// plus the form around the file).
const importUploadBytes = supporters.DefaultMaxBytes + 1<<20

// importPreview is what the import page shows before importing.
type importPreview struct {
	*supporters.Preview
	Token   string
	Columns []string
}

var tokenRE = regexp.MustCompile(`^[0-9a-f]{32}$`)

// uploadDir holds uploaded files between the preview and the import
// (deleted after the import, or after an hour).
func uploadDir() string { return filepath.Join(os.TempDir(), "relais-imports") }

// handleSupportersImport handles POST /supporters/import: a file upload
// shows its preview and column mapping; then action=import (or dry_run)
// with the upload's token and the mapping imports it and shows the report.
func (s *Server) handleSupportersImport(w http.ResponseWriter, r *http.Request) {
	if err := supporters.MayImport(r.Context()); err != nil {
		s.pageError(w, r, err)
		return
	}
	p, err := s.supportersPage(w, r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Source = r.FormValue("source")
	status := http.StatusOK
	if tok := r.FormValue("token"); tok != "" {
		err = s.runImport(r, p, tok)
	} else {
		err = s.previewImport(r, p)
	}
	if err != nil {
		p.Error, status = s.importError(p.Page, err), statusOf[relais.ErrorCode(err)]
		var fe *supporters.FileError
		if errors.As(err, &fe) {
			status = http.StatusBadRequest
		}
	}
	s.render(w, status, "supporters", p)
}

// previewImport spools the uploaded file and reads its first rows.
func (s *Server) previewImport(r *http.Request, p *supportersPage) error {
	f, _, err := r.FormFile("file")
	if err != nil {
		return relais.FieldErrorf("file", "%s", translate(p.Lang, "import.err.no_file"))
	}
	defer f.Close()
	sweepUploads()
	tok := newUploadToken()
	if err := os.MkdirAll(uploadDir(), 0o700); err != nil {
		return err
	}
	out, err := os.OpenFile(filepath.Join(uploadDir(), tok+".csv"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, f)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return relais.Errorf(relais.ETOOLARGE, "The file is larger than %d bytes.", supporters.DefaultMaxBytes)
	}
	in, err := os.Open(filepath.Join(uploadDir(), tok+".csv"))
	if err != nil {
		return err
	}
	defer in.Close()
	pv, err := s.cfg.Supporters.Preview(r.Context(), in, 5)
	if err != nil {
		os.Remove(in.Name())
		return err
	}
	p.Preview = &importPreview{Preview: pv, Token: tok, Columns: supporters.Columns}
	return nil
}

// runImport imports a spooled upload with the chosen mapping.
func (s *Server) runImport(r *http.Request, p *supportersPage, tok string) error {
	if !tokenRE.MatchString(tok) {
		return relais.FieldErrorf("token", "Unknown upload: send the file again.")
	}
	path := filepath.Join(uploadDir(), tok+".csv")
	f, err := os.Open(path)
	if err != nil {
		return relais.FieldErrorf("token", "Unknown upload: send the file again.")
	}
	defer f.Close()
	pv, err := s.cfg.Supporters.Preview(r.Context(), f, 0)
	if err != nil {
		return err
	}
	mapping := map[string]string{}
	for i, h := range pv.Header {
		if c := r.FormValue("map_" + strconv.Itoa(i)); c != "" {
			mapping[h] = c
		}
	}
	dry := r.FormValue("action") == "dry_run"
	p.Report, err = s.cfg.Supporters.Import(r.Context(), f, supporters.Options{Source: p.Source, DryRun: dry, Mapping: mapping})
	if err == nil && !dry {
		os.Remove(path)
	}
	return err
}

// importError says what is wrong with a file in the reader's language.
func (s *Server) importError(p Page, err error) string {
	var fe *supporters.FileError
	if !errors.As(err, &fe) {
		return pageErrorText(p.Lang, p.Location(), err)
	}
	switch fe.Code {
	case "not_utf8", "bad_header", "duplicate_column", "no_email_column":
		return fmt.Sprintf(p.T("import.err."+fe.Code), fe.Line)
	case "too_large":
		return fmt.Sprintf(p.T("import.err.too_large"), fe.Limit)
	}
	return p.T("import.err.empty")
}

func newUploadToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// sweepUploads deletes uploads older than an hour (personal data).
func sweepUploads() {
	entries, _ := os.ReadDir(uploadDir())
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(uploadDir(), e.Name()))
		}
	}
}
