package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/relais/relais"
)

const sessionCookie = "relais_session"

// recoverer turns a panic into a 500 so that none reaches a user raw.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.apiError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// csrf refuses cross-origin unsafe requests made with a session cookie.
func (s *Server) csrf() *http.CrossOriginProtection {
	p := http.NewCrossOriginProtection()
	for _, o := range s.cfg.AllowedOrigins {
		_ = p.AddTrustedOrigin(o)
	}
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.apiError(w, r, relais.Errorf(relais.EFORBIDDEN, "Cross-origin request refused."))
	}))
	return p
}

// authenticate returns the member of a bearer token or a session cookie.
// bearer reports whether the token was used (no CSRF risk then).
func (s *Server) authenticate(r *http.Request) (m *relais.Member, bearer bool, err error) {
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, true, relais.Errorf(relais.EUNAUTHORIZED, "Authorization must be \"Bearer <token>\".")
		}
		m, err = s.cfg.Auth.TokenMember(r.Context(), strings.TrimSpace(tok))
		return m, true, err
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, false, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	m, _, err = s.cfg.Auth.SessionMember(r.Context(), c.Value)
	return m, false, err
}

// apiAuth requires a member for an API route and limits its body.
func (s *Server) apiAuth(next http.HandlerFunc) http.Handler {
	return s.apiAuthLimit(next, MaxBodyBytes)
}

// apiAuthLimit is apiAuth with a body limit of its own (uploads).
func (s *Server) apiAuthLimit(next http.HandlerFunc, limit int64) http.Handler {
	return s.authLimit(next, limit, true, s.apiError)
}

// authLimit serves next to a signed-in member, with her in the context
// and the body limited, through the CSRF guard (which a bearer token skips
// when bearerSkipsCSRF: API clients send no cookie); without a member, it
// calls refuse.
func (s *Server) authLimit(next http.HandlerFunc, limit int64, bearerSkipsCSRF bool,
	refuse func(http.ResponseWriter, *http.Request, error)) http.Handler {
	guarded := s.csrf().Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m, bearer, err := s.authenticate(r)
		if err != nil {
			refuse(w, r, err)
			return
		}
		r = r.WithContext(relais.NewContextWithMember(r.Context(), m))
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if bearer && bearerSkipsCSRF {
			next(w, r)
			return
		}
		guarded.ServeHTTP(w, r)
	})
}

// pageAuth requires a signed-in member for a page, redirecting to /login.
func (s *Server) pageAuth(next http.HandlerFunc) http.Handler {
	return s.pageAuthLimit(next, MaxBodyBytes)
}

// pageAuthLimit is pageAuth with a body limit of its own (the supporters
// import's upload).
func (s *Server) pageAuthLimit(next http.HandlerFunc, limit int64) http.Handler {
	return s.authLimit(next, limit, false, func(w http.ResponseWriter, r *http.Request, _ error) {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	})
}

// decodeJSON reads a JSON body into v, with errors that name the problem.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		if dec.More() {
			return relais.Errorf(relais.EINVALID, "Malformed JSON: trailing data after the object.")
		}
		return nil
	case errors.As(err, &tooBig):
		return relais.Errorf(relais.ETOOLARGE, "Request body is larger than %d bytes.", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return relais.Errorf(relais.EINVALID, "Request body is empty: a JSON object is required.")
	case errors.As(err, &typeErr):
		return relais.FieldErrorf(typeErr.Field, "Field %q has the wrong type: %s expected.", typeErr.Field, typeErr.Type)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return relais.FieldErrorf(f, "Unknown field %q.", f)
	}
	var timeErr *time.ParseError
	if errors.As(err, &timeErr) {
		return relais.FieldErrorf("scheduled_at", "scheduled_at must be an RFC 3339 time such as 2026-12-01T09:30:00+01:00.")
	}
	return relais.Errorf(relais.EINVALID, "Malformed JSON: %s.", strings.TrimPrefix(err.Error(), "json: "))
}
