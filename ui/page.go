package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
)

// Page is what every page template gets.
type Page struct {
	Lang   string
	Title  string
	Member *relais.Member
	Active string // nav entry
	Flash  string
	Error  string
	// Moved warns, after a move, of the posts planned too close to the
	// moved one on the same accounts.
	Moved []apiWarning
	// SwitchURL is this page in the other language: its path and query
	// with lang set.
	SwitchURL string
	// Analytics puts the weekly report and the A/B tests in the nav.
	Analytics bool

	loc *time.Location // the campaign's time zone (Config.Location)
	// accounts names the accounts the reader may see, by ID ("Bluesky
	// @anne.example"), for the history lines that name one.
	accounts map[int64]string
}

// Location is the campaign's time zone, which the page shows times in
// (relais.DefaultLocation for a page not built by newPage).
func (p Page) Location() *time.Location {
	if p.loc != nil {
		return p.loc
	}
	return relais.DefaultLocation()
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
	p := Page{Lang: lang, Member: m, Active: active, Analytics: s.cfg.Analytics != nil && mayReadAnalytics(m), loc: s.cfg.Location}
	p.Title = p.T(titleKey)
	p.SwitchURL = switchURL(r, p.OtherLang())
	if ok := r.URL.Query().Get("ok"); ok != "" {
		if _, known := messages["flash."+ok]; known {
			p.Flash = p.T("flash." + ok)
		}
		if id, err := strconv.ParseInt(r.URL.Query().Get("moved"), 10, 64); ok == "moved" && err == nil && m != nil {
			p.Moved = s.slotWarnings(r, lang, id)
		}
	}
	return p
}

// pageError renders an error page with the error's safe message.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	p := s.newPage(w, r, "error.title", "")
	p.Error = pageErrorText(p.Lang, p.Location(), err)
	code := statusOf[relais.ErrorCode(err)]
	if relais.ErrorCode(err) == relais.EINTERNAL {
		s.log.Error("internal error", "path", r.URL.Path, "error", err)
	}
	s.render(w, code, "error", p)
}

// memberOf returns the signed-in member.
func memberOf(r *http.Request) *relais.Member { return relais.MemberFromContext(r.Context()) }

// Can reports whether the member may do a (on no particular object):
// templates show or hide actions with it ({{if .Can "settings.open"}}).
func (p Page) Can(a policy.Action) bool { return policy.Can(p.Member, a, policy.Object{}) }

// MayDecide reports whether the member's role may decide on some post,
// routine or sensitive: only then does the home show what awaits her
// decision.
func (p Page) MayDecide() bool {
	return p.Member != nil && (policy.Grants(p.Member.Role, policy.PostApprove) || policy.Grants(p.Member.Role, policy.PostApproveSensitive))
}

// CanOn reports whether the member may do a on post v.
func (p Page) CanOn(a policy.Action, v *approval.PostView) bool {
	return policy.Can(p.Member, a, policy.PostObject(v.Post))
}

// DecideWhy returns why the member may not decide on v, in review ("" if
// the policy lets her: she may still wait for her step), so the post page
// says why it shows no decision buttons.
func (p Page) DecideWhy(v *approval.PostView) string {
	if v.Routing.Approver == approval.ApproverCandidate {
		return p.Why(policy.PostApproveSensitive, v)
	}
	return p.Why(policy.PostApprove, v)
}

// Why returns, in the reader's language, why the member may not do a on
// post v ("" if she may), for an action shown disabled.
func (p Page) Why(a policy.Action, v *approval.PostView) string {
	o := policy.Object{}
	if v != nil {
		o = policy.PostObject(v.Post)
	}
	if d := policy.Allowed(p.Member, a, o); !d.Allowed {
		return p.T(d.Reason)
	}
	return ""
}

// switchURL is the current page's path and query with lang set to lang,
// so that switching language keeps the view (a calendar's month, a
// filter). A form's POST address is shown as the page it came from.
func switchURL(r *http.Request, lang string) string {
	q := r.URL.Query()
	q.Set("lang", lang)
	q.Del("ok")
	return r.URL.Path + "?" + q.Encode()
}
