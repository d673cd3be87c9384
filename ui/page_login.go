package ui

import (
	"net"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
)

// loginPage is the sign-in form.
type loginPage struct {
	Page
	Email string
	Next  string
}

// handleLoginPage handles GET /login.
func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	p := loginPage{Page: s.newPage(w, r, "login.title", ""), Next: safeNext(r.URL.Query().Get("next"))}
	s.render(w, http.StatusOK, "login", p)
}

// handleLoginSubmit handles POST /login.
func (s *Server) handleLoginSubmit(w http.ResponseWriter, r *http.Request) {
	if _, err := s.csrfCheck(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	email, next := r.FormValue("email"), safeNext(r.FormValue("next"))
	sess, err := s.cfg.Auth.Login(r.Context(), email, r.FormValue("password"), clientIP(r, s.cfg.TrustedProxies))
	if err != nil {
		p := loginPage{Page: s.newPage(w, r, "login.title", ""), Email: email, Next: next}
		p.Error = pageErrorText(p.Lang, p.Location(), err)
		s.render(w, statusOf[relais.ErrorCode(err)], "login", p)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sess.Token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(auth.SessionTTL.Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// handleLogout handles POST /logout.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		_ = s.cfg.Auth.Logout(r.Context(), c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// csrfCheck applies the cross-origin protection to a route that has no
// session yet (the login form).
func (s *Server) csrfCheck(r *http.Request) (bool, error) {
	if err := s.csrf().Check(r); err != nil {
		return false, relais.Errorf(relais.EFORBIDDEN, "Cross-origin request refused.")
	}
	return true, nil
}

// safeNext keeps redirects on this site: a path only, starting with a
// single "/", with no scheme, host, backslash or control character, before
// and after cleaning (browsers read "/\\evil" and "/\t/evil" as another
// host).
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || !strings.HasPrefix(next, "/") {
		return "/"
	}
	for _, r := range next + u.Path {
		if r < 0x20 || r == 0x7f || r == '\\' {
			return "/"
		}
	}
	clean := path.Clean(u.Path)
	if strings.HasPrefix(clean, "//") || strings.HasPrefix(next, "//") {
		return "/"
	} else if u.RawQuery != "" {
		return clean + "?" + u.RawQuery
	}
	return clean
}

// clientIP is the address the login limiter counts: the peer, or, when the
// peer is a trusted reverse proxy, the nearest untrusted address it
// forwarded (X-Forwarded-For, read from the right so clients cannot forge
// it). Behind a proxy, without this, every member would share one address.
func clientIP(r *http.Request, trusted []string) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !slices.Contains(trusted, host) {
		return host
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		if h := strings.TrimSpace(hops[i]); h != "" && !slices.Contains(trusted, h) {
			return h
		}
	}
	return host
}
