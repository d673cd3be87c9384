package auth

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// SessionTTL is how long a session lasts without signing in again.
const SessionTTL = 12 * time.Hour

// TokenPrefix starts every API token so that leaked ones are recognisable.
const TokenPrefix = "relais_"

// CalendarPrefix starts read-only calendar feed tokens: they live in the
// URLs calendar apps keep, so they open the feed and nothing else.
const CalendarPrefix = "relaiscal_"

// Service authenticates members.
type Service struct {
	store    *store.Store
	throttle Throttle
	gate     *checkGate
	closer   Closer
	dummy    string // hash checked for unknown e-mails, to keep timing even
	send     SendMail
	baseURL  string
}

// New returns an auth service.
func New(s *store.Store) *Service {
	return &Service{store: s, throttle: NewMemoryThrottle(DefaultLimiterKeys),
		gate: newCheckGate(defaultCheckBudget(), DefaultCheckWait), dummy: HashPassword("not-a-password")}
}

// Session is a signed-in browser session.
type Session struct {
	Token  string
	CSRF   string
	Member *relais.Member
}

// errBadLogin is the one answer to a wrong e-mail or password.
var errBadLogin = relais.Errorf(relais.EUNAUTHORIZED, "Wrong e-mail or password.").With("error.bad_login")

// Login checks an e-mail and password and opens a session. Returns
// EINVALID for an e-mail over MaxEmailBytes (before anything else),
// EUNAUTHORIZED for bad credentials and ERATELIMIT when the throttle
// refuses the attempt or too many password checks are already running.
// The slow argon2 check runs outside any database transaction.
func (s *Service) Login(ctx context.Context, email, password, client string) (*Session, error) {
	if len(email) > MaxEmailBytes {
		return nil, errEmailTooLong
	}
	email = strings.ToLower(strings.TrimSpace(email))
	att, err := s.throttle.Begin(client, email)
	if err != nil {
		return nil, err
	}
	m, err := s.verify(ctx, att, email, password)
	if err != nil {
		return nil, err
	}
	sess := &Session{Token: NewToken(), CSRF: NewToken(), Member: m}
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		return tx.CreateSession(HashToken(sess.Token), m.ID, sess.CSRF, tx.Now().Add(SessionTTL))
	})
	if err != nil {
		return nil, err
	}
	s.throttle.Succeeded(att)
	return sess, nil
}

var errEmailTooLong = relais.FieldErrorf("email", "E-mail address too long (at most %d bytes).", MaxEmailBytes).
	With("error.email_long", "max", strconv.Itoa(MaxEmailBytes))

// verify waits the attempt's delay, then checks the password in a gate
// slot. An attempt whose password was never checked is abandoned.
func (s *Service) verify(ctx context.Context, att Attempt, email, password string) (*relais.Member, error) {
	if err := sleep(ctx, att.Delay); err != nil {
		s.throttle.Abandoned(att)
		return nil, err
	}
	var m *relais.Member
	var hash string
	err := s.store.View(ctx, func(tx *store.Tx) (err error) {
		m, hash, err = tx.MemberByEmail(email)
		return err
	})
	if err == nil && m.DisabledAt != nil {
		m, hash = nil, s.dummy // a disabled member is answered as an unknown one
	}
	if relais.ErrorCode(err) == relais.ENOTFOUND {
		m, hash = nil, s.dummy
	} else if err != nil {
		s.throttle.Abandoned(att)
		return nil, err
	}
	ok, err := s.gate.run(ctx, hash, password)
	if err != nil {
		s.throttle.Abandoned(att)
		return nil, err
	} else if m == nil || hash == "" || !ok {
		return nil, errBadLogin
	}
	return m, nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// SessionMember returns the member of a session token and its CSRF token.
func (s *Service) SessionMember(ctx context.Context, token string) (m *relais.Member, csrf string, err error) {
	err = s.store.View(ctx, func(tx *store.Tx) error {
		m, csrf, err = tx.SessionMember(HashToken(token))
		return err
	})
	return m, csrf, err
}

// Logout ends a session and closes its websockets.
func (s *Service) Logout(ctx context.Context, token string) error {
	err := s.store.Update(ctx, func(tx *store.Tx) error { return tx.DeleteSession(HashToken(token)) })
	if err == nil {
		s.closeSession(HashToken(token))
	}
	return err
}

// TokenMember returns the member owning an API token.
func (s *Service) TokenMember(ctx context.Context, token string) (m *relais.Member, err error) {
	if !strings.HasPrefix(token, TokenPrefix) {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Invalid or revoked token.")
	}
	return s.tokenMember(ctx, token)
}

// CalendarMember returns the member owning a calendar feed token.
func (s *Service) CalendarMember(ctx context.Context, token string) (*relais.Member, error) {
	if !strings.HasPrefix(token, CalendarPrefix) {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Invalid or revoked calendar token (relais user token --calendar).")
	}
	return s.tokenMember(ctx, token)
}

func (s *Service) tokenMember(ctx context.Context, token string) (m *relais.Member, err error) {
	err = s.store.View(ctx, func(tx *store.Tx) error {
		m, err = tx.TokenMember(HashToken(token))
		return err
	})
	return m, err
}

// IssueToken creates an API token for the member with this e-mail.
func (s *Service) IssueToken(ctx context.Context, email string) (string, error) {
	return s.issue(ctx, email, TokenPrefix)
}

// IssueCalendarToken creates a read-only calendar feed token.
func (s *Service) IssueCalendarToken(ctx context.Context, email string) (string, error) {
	return s.issue(ctx, email, CalendarPrefix)
}

func (s *Service) issue(ctx context.Context, email, prefix string) (string, error) {
	tok := prefix + NewToken()
	err := s.store.Update(ctx, func(tx *store.Tx) error {
		m, err := s.tokenHolder(ctx, tx, email)
		if err != nil {
			return err
		} else if err := tx.CreateToken(m.ID, HashToken(tok)); err != nil {
			return err
		}
		return auditTokens(ctx, tx, "token.issue", m, tokenKinds[prefix])
	})
	return tok, err
}

// tokenKinds names each token prefix in the audit log.
var tokenKinds = map[string]string{TokenPrefix: "api token", CalendarPrefix: "calendar token"}

// tokenHolder returns the member whose tokens the caller manages: any
// member for those who manage members (the command line's operator),
// else only herself (none in ctx: a test, the system).
func (s *Service) tokenHolder(ctx context.Context, tx *store.Tx, email string) (*relais.Member, error) {
	m, _, err := tx.MemberByEmail(email)
	if err != nil {
		return nil, err
	}
	by := relais.MemberFromContext(ctx)
	if by != nil && by.ID != m.ID && !policy.Can(by, policy.MembersManage, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage other members' tokens.", by.Role)
	}
	return m, nil
}

// auditTokens records a token change of m by the caller.
func auditTokens(ctx context.Context, tx *store.Tx, action string, m *relais.Member, detail string) error {
	by := relais.MemberFromContext(ctx)
	return tx.AppendAudit(&relais.AuditEntry{ActorID: actorID(by), Actor: relais.Actor(by), Action: action,
		Detail: relais.Actor(m) + " " + detail})
}

// RevokeTokens revokes every API token of the member with this e-mail and
// closes her websockets (those opened with a session reconnect).
func (s *Service) RevokeTokens(ctx context.Context, email string) (n int64, err error) {
	var id int64
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		m, err := s.tokenHolder(ctx, tx, email)
		if err != nil {
			return err
		}
		id = m.ID
		if n, err = tx.RevokeTokens(m.ID); err != nil {
			return err
		}
		return auditTokens(ctx, tx, "token.revoke", m, fmt.Sprintf("%d revoked", n))
	})
	if err == nil {
		s.closeMember(id)
	}
	return n, err
}

// AddMember creates a member, hashing password when given.
func (s *Service) AddMember(ctx context.Context, m *relais.Member, password string) error {
	return s.AddMembers(ctx, []*relais.Member{m}, password)
}

// AddMembers creates members sharing one password (hashed once; none:
// they cannot sign in yet) in one transaction, each audited as added by
// the caller (none, a test: "system").
func (s *Service) AddMembers(ctx context.Context, ms []*relais.Member, password string) error {
	for _, m := range ms {
		if err := ValidateMember(m, password); err != nil {
			return err
		}
	}
	hash := ""
	if password != "" {
		hash = HashPassword(password)
	}
	by := relais.MemberFromContext(ctx)
	return s.store.Update(ctx, func(tx *store.Tx) error {
		for _, m := range ms {
			if err := tx.CreateMember(m, hash); err != nil {
				return err
			} else if err := tx.AppendAudit(&relais.AuditEntry{ActorID: actorID(by), Actor: relais.Actor(by), Action: "member.add",
				Detail: relais.Actor(m)}); err != nil {
				return err
			}
		}
		return nil
	})
}

func actorID(m *relais.Member) int64 {
	if m == nil {
		return 0
	}
	return m.ID
}

// ValidateMember checks a new member's fields.
func ValidateMember(m *relais.Member, password string) error {
	if !strings.Contains(m.Email, "@") {
		return relais.FieldErrorf("email", "E-mail %q is not valid.", m.Email).With("error.email_invalid", "value", m.Email)
	} else if strings.TrimSpace(m.Name) == "" {
		return relais.FieldErrorf("name", "Name is required.").With("error.name_required")
	} else if !m.Role.Valid() {
		return relais.FieldErrorf("role", "Unknown role %q (admin, editor, community_manager, candidate, colistier).", m.Role).With("error.role_unknown", "value", string(m.Role))
	} else if password != "" && len(password) < MinPasswordLength {
		return passwordTooShort()
	}
	return nil
}

// PurgeExpired deletes the sessions that have expired.
func (s *Service) PurgeExpired(ctx context.Context) error {
	return s.store.Update(ctx, func(tx *store.Tx) error { return tx.DeleteExpiredSessions() })
}

// passwordTooShort is the error of a password under MinPasswordLength.
func passwordTooShort() error {
	return relais.FieldErrorf("password", "Password must be at least %d characters.", MinPasswordLength).
		With("error.password_short", "min", strconv.Itoa(MinPasswordLength))
}
