package ui

import (
	"net/http"

	"github.com/relais/relais"
)

// Page is what every page template gets.
type Page struct {
	Lang   string
	Title  string
	Member *relais.Member
	Active string // nav entry
	Flash  string
	Error  string
	// Analytics puts the weekly report and the A/B tests in the nav.
	Analytics bool
}

// T translates key into the page's language.
func (p Page) T(key string) string { return translate(p.Lang, key) }

// OtherLang is the language the switcher offers.
func (p Page) OtherLang() string {
	if p.Lang == "en" {
		return "fr"
	}
	return "en"
}

// newPage builds the common page fields for the signed-in member.
func (s *Server) newPage(w http.ResponseWriter, r *http.Request, titleKey, active string) Page {
	m := relais.MemberFromContext(r.Context())
	lang := langOf(w, r, "")
	if m != nil {
		lang = langOf(w, r, m.Lang)
	}
	p := Page{Lang: lang, Member: m, Active: active, Analytics: s.cfg.Analytics != nil && mayReadAnalytics(m)}
	p.Title = p.T(titleKey)
	if ok := r.URL.Query().Get("ok"); ok != "" {
		if _, known := messages["flash."+ok]; known {
			p.Flash = p.T("flash." + ok)
		}
	}
	return p
}

// pageError renders an error page with the error's safe message.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	p := s.newPage(w, r, "error.title", "")
	p.Error = pageErrorText(p.Lang, err)
	code := statusOf[relais.ErrorCode(err)]
	if relais.ErrorCode(err) == relais.EINTERNAL {
		s.log.Error("internal error", "path", r.URL.Path, "error", err)
	}
	s.render(w, code, "error", p)
}

// memberOf returns the signed-in member.
func memberOf(r *http.Request) *relais.Member { return relais.MemberFromContext(r.Context()) }

// IsColistier reports whether the member is a running mate (her home is
// her inbox and the district map).
func (p Page) IsColistier() bool {
	return p.Member != nil && p.Member.Role == relais.RoleColistier
}

// CanSettings reports whether the member may open the settings.
func (p Page) CanSettings() bool {
	return p.Member != nil && (p.Member.Role == relais.RoleAdmin || p.Member.Role == relais.RoleEditor)
}

// IsAdmin reports whether the member is an admin.
func (p Page) IsAdmin() bool { return p.Member != nil && p.Member.Role == relais.RoleAdmin }
