package ui

import (
	"net/http"
	"slices"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
)

// init registers the invite template when page templates are listed by
// hand (they may also be found by name at startup).
func init() {
	if !slices.Contains(pageNames, "invite") {
		pageNames = append(pageNames, "invite")
	}
}

// invitePage is where an invited member chooses a password.
type invitePage struct {
	Page
	Token, Email, Name string
	Role               relais.Role
}

// handleInvitePage handles GET /invite/{token}.
func (s *Server) handleInvitePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Referrer-Policy", "no-referrer") // keep the token out of Referer headers
	inv, err := s.cfg.Auth.Invitation(r.Context(), r.PathValue("token"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := invitePage{Page: s.newPage(w, r, "login.title", ""), Token: r.PathValue("token"), Email: inv.Email, Name: inv.Name, Role: inv.Role}
	s.render(w, http.StatusOK, "invite", p)
}

// handleInviteSubmit handles POST /invite/{token}: set the password, sign
// in and go to the queue. The form is protected against cross-origin posts.
func (s *Server) handleInviteSubmit(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Referrer-Policy", "no-referrer")
	if _, err := s.csrfCheck(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	pw := r.FormValue("password")
	if pw != r.FormValue("confirm") {
		s.inviteError(w, r, relais.FieldErrorf("confirm", "Passwords differ.").With("error.passwords_differ"))
		return
	}
	sess, err := s.cfg.Auth.AcceptInvitation(r.Context(), r.PathValue("token"), pw)
	if err != nil {
		s.inviteError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sess.Token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: int(auth.SessionTTL.Seconds())})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// inviteError shows the form again with the error, or the error page when
// the invitation itself is no longer valid.
func (s *Server) inviteError(w http.ResponseWriter, r *http.Request, err error) {
	inv, ierr := s.cfg.Auth.Invitation(r.Context(), r.PathValue("token"))
	if ierr != nil {
		s.pageError(w, r, ierr)
		return
	}
	p := invitePage{Page: s.newPage(w, r, "login.title", ""), Token: r.PathValue("token"), Email: inv.Email, Name: inv.Name, Role: inv.Role}
	p.Error = pageErrorText(p.Lang, p.Location(), err)
	s.render(w, statusOf[relais.ErrorCode(err)], "invite", p)
}
