package ui

import (
	"net"
	"net/http"
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
	sess, err := s.cfg.Auth.Login(r.Context(), email, r.FormValue("password"), clientIP(r))
	if err != nil {
		p := loginPage{Page: s.newPage(w, r, "login.title", ""), Email: email, Next: next}
		p.Error = relais.ErrorMessage(err)
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

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
