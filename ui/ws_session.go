package ui

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
)

// DefaultWSRecheck is how often an open websocket re-checks the session or
// token it was opened with (at least every minute, as issue 11 asks).
const DefaultWSRecheck = 30 * time.Second

func (s *Server) wsRecheck() time.Duration {
	if s.cfg.WSRecheck > 0 {
		return s.cfg.WSRecheck
	}
	return DefaultWSRecheck
}

func (s *Server) maxSockets() int {
	if s.cfg.MaxSocketsPerMember > 0 {
		return s.cfg.MaxSocketsPerMember
	}
	return DefaultMaxSocketsPerMember
}

// sessionCheck returns the hash of the credential a websocket request
// carries and a function reporting whether that credential still opens a
// session for the same member with the same role.
func (s *Server) sessionCheck(r *http.Request, m *relais.Member) (string, func() bool) {
	raw := ""
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		raw = strings.TrimSpace(tok)
	} else if c, err := r.Cookie(sessionCookie); err == nil {
		raw = c.Value
	}
	bearer := r.Header.Get("Authorization") != ""
	return auth.HashToken(raw), func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var now *relais.Member
		var err error
		if bearer {
			now, err = s.cfg.Auth.TokenMember(ctx, raw)
		} else {
			now, _, err = s.cfg.Auth.SessionMember(ctx, raw)
		}
		return err == nil && now.ID == m.ID && now.Role == m.Role
	}
}

// maySee reports whether m may see post id (presence only for those).
func (s *Server) maySee(m *relais.Member, id int64) bool {
	ctx, cancel := context.WithTimeout(relais.NewContextWithMember(context.Background(), m), 10*time.Second)
	defer cancel()
	_, err := s.cfg.Approval.Get(ctx, id)
	return err == nil
}
