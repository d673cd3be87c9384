package ui

import (
	"encoding/json"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/supporters"
)

// rightsPage is the admins' export and erasure of one person's data.
type rightsPage struct {
	Page
	Email   string
	Erasure *supporters.Erasure
}

// handleRightsPage handles GET /supporters/rights (admins).
func (s *Server) handleRightsPage(w http.ResponseWriter, r *http.Request) {
	p := rightsPage{Page: s.newPage(w, r, "rights.title", "supporters")}
	if !p.Can(policy.SupportersRights) {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "Only admins export or erase a person's data."))
		return
	}
	s.render(w, http.StatusOK, "supporters_rights", p)
}

// handleRightsSubmit handles POST /supporters/rights: action=export
// downloads the person's data as JSON; action=forget erases it (the
// service checks the caller is an admin).
func (s *Server) handleRightsSubmit(w http.ResponseWriter, r *http.Request) {
	p := rightsPage{Page: s.newPage(w, r, "rights.title", "supporters"), Email: r.FormValue("email")}
	status := http.StatusOK
	if r.FormValue("action") == "export" {
		ex, err := s.cfg.Supporters.Export(r.Context(), p.Email)
		if err == nil {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="supporter-export.json"`)
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			_ = enc.Encode(ex)
			return
		}
		p.Error, status = pageErrorText(p.Lang, p.Location(), err), statusOf[relais.ErrorCode(err)]
	} else {
		var err error
		if p.Erasure, err = s.cfg.Supporters.Forget(r.Context(), p.Email); err != nil {
			p.Error, status = pageErrorText(p.Lang, p.Location(), err), statusOf[relais.ErrorCode(err)]
		}
	}
	s.render(w, status, "supporters_rights", p)
}

// unsubscribePage is the public one-click unsubscribe page.
type unsubscribePage struct {
	Page
	Token string
	Done  bool
	Mode  string // the kit mode just chosen
	Sup   *relais.Supporter
}

// unsubscribeBody is the largest body accepted on the public routes.
const unsubscribeBody = 4 << 10

// handleUnsubscribePage handles GET /u/{token}: a page in the person's
// language with one button. A GET never unsubscribes (mail scanners
// follow links; RFC 8058 §3).
func (s *Server) handleUnsubscribePage(w http.ResponseWriter, r *http.Request) {
	p := unsubscribePage{Token: r.PathValue("token")}
	sup, err := s.cfg.Supporters.Peek(r.Context(), p.Token)
	p.Page = s.publicPage(w, r, sup)
	if err != nil {
		p.Error = p.T("unsub.unknown")
		s.render(w, http.StatusNotFound, "unsubscribe", p)
		return
	}
	p.Done, p.Sup = sup.Status == relais.SupporterUnsubscribed, sup
	s.render(w, http.StatusOK, "unsubscribe", p)
}

// handleUnsubscribe handles POST /u/{token}: the page's button and mail
// clients' one-click POST (List-Unsubscribe=One-Click, RFC 8058). It
// unsubscribes at once, without login, and confirms.
func (s *Server) handleUnsubscribe(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, unsubscribeBody)
	_ = r.ParseForm()
	p := unsubscribePage{Token: r.PathValue("token")}
	var sup *relais.Supporter
	var err error
	if mode := r.PostForm.Get("mode"); mode != "" {
		sup, err = s.cfg.Supporters.SetKitMode(r.Context(), p.Token, mode)
		p.Mode = mode
	} else {
		sup, err = s.cfg.Supporters.Unsubscribe(r.Context(), p.Token)
	}
	p.Page = s.publicPage(w, r, sup)
	if err != nil {
		p.Error = p.T("unsub.unknown")
		if relais.ErrorCode(err) == relais.EINTERNAL {
			s.log.Error("unsubscribe failed", "error", err)
			p.Error = relais.ErrorMessage(err)
		}
		s.render(w, statusOf[relais.ErrorCode(err)], "unsubscribe", p)
		return
	}
	p.Done = p.Mode == ""
	s.render(w, http.StatusOK, "unsubscribe", p)
}

// publicPage is a page for someone without a login, in the supporter's
// language unless ?lang= says otherwise.
func (s *Server) publicPage(w http.ResponseWriter, r *http.Request, sup *relais.Supporter) Page {
	lang := ""
	if sup != nil {
		lang = sup.Lang
	}
	p := Page{Lang: langOf(w, r, lang)}
	if sup != nil && r.URL.Query().Get("lang") == "" {
		p.Lang = map[bool]string{true: "en", false: "fr"}[sup.Lang == "en"]
	}
	p.Title = p.T("unsub.title")
	return p
}
