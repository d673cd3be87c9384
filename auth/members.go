package auth

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Closer ends live connections (the websocket hub, which also tells the
// other replicas): a member's when her rights change, a session's at
// logout.
type Closer interface {
	CloseMember(memberID int64)
	CloseSession(tokenHash string)
}

// SetCloser sets who closes live connections once a change has committed.
func (s *Service) SetCloser(c Closer) { s.closer = c }

// AsOperator marks ctx as the server's operator (the relais command line,
// which holds the database and its key): it administers members as an
// admin does, audited as relais.SystemCLI.
func AsOperator(ctx context.Context) context.Context { return relais.AsCLI(ctx) }

// administrator returns the audit actor of ctx if it may administer
// members: an admin signed in, or the operator.
func administrator(ctx context.Context) (id int64, name string, err error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return 0, "", relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	} else if !policy.Can(m, policy.MembersManage, policy.Object{}) {
		return 0, "", relais.Errorf(relais.EFORBIDDEN, "Only an admin manages members.").With("error.admin_members")
	}
	return m.ID, relais.Actor(m), nil
}

// MemberRef names a member by ID or, when ID is 0, by e-mail.
type MemberRef struct {
	ID    int64
	Email string
}

func (r MemberRef) load(tx *store.Tx) (*relais.Member, error) {
	if r.ID != 0 {
		return tx.MemberByID(r.ID)
	}
	m, _, err := tx.MemberByEmail(r.Email)
	return m, err
}

// DisableMember off-boards the member: she can no longer
// sign in, and every session, token and websocket she holds ends at once.
func (s *Service) DisableMember(ctx context.Context, who MemberRef) (*relais.Member, error) {
	return s.administer(ctx, who, "member.disable", "", func(tx *store.Tx, m *relais.Member) error {
		if err := s.keepAnAdmin(tx, m, ""); err != nil {
			return err
		}
		now := tx.Now()
		m.DisabledAt = &now
		return tx.DisableMember(m.ID)
	})
}

// SetRole changes the role of the member; her open
// websockets close (they filter events by the old role).
func (s *Service) SetRole(ctx context.Context, who MemberRef, role relais.Role) (*relais.Member, error) {
	if !role.Valid() {
		return nil, relais.FieldErrorf("role", "Unknown role %q (admin, editor, community_manager, candidate, colistier).", role).With("error.role_unknown", "value", string(role))
	}
	return s.administer(ctx, who, "member.role", "role "+string(role), func(tx *store.Tx, m *relais.Member) error {
		if err := s.keepAnAdmin(tx, m, role); err != nil {
			return err
		}
		m.Role = role
		return tx.SetMemberRole(m.ID, role)
	})
}

// SetMemberPassword replaces the password of the member
// and ends her sessions and websockets (her API tokens stay).
func (s *Service) SetMemberPassword(ctx context.Context, who MemberRef, password string) (*relais.Member, error) {
	if len(password) < MinPasswordLength {
		return nil, passwordTooShort()
	}
	hash := HashPassword(password)
	return s.administer(ctx, who, "member.password", "", func(tx *store.Tx, m *relais.Member) error {
		if err := tx.SetPassword(m.ID, hash); err != nil {
			return err
		}
		return tx.DeleteMemberSessions(m.ID)
	})
}

// administer runs change on the member in one transaction
// with its audit entry, then closes her live connections.
func (s *Service) administer(ctx context.Context, who MemberRef, action, detail string,
	change func(tx *store.Tx, m *relais.Member) error) (*relais.Member, error) {
	actorID, actor, err := administrator(ctx)
	if err != nil {
		return nil, err
	}
	var m *relais.Member
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if m, err = who.load(tx); err != nil {
			return err
		} else if err := change(tx, m); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: actorID, Actor: actor, Action: action,
			Detail: joinDetail(relais.Actor(m), detail)})
	})
	if err != nil {
		return nil, err
	}
	s.closeMember(m.ID)
	return m, nil
}

// keepAnAdmin refuses to disable or demote the last active admin: the
// role that manages members (policy.MembersManage).
func (s *Service) keepAnAdmin(tx *store.Tx, m *relais.Member, newRole relais.Role) error {
	if !policy.Grants(m.Role, policy.MembersManage) || policy.Grants(newRole, policy.MembersManage) || m.DisabledAt != nil {
		return nil
	}
	n, err := tx.CountActiveAdmins()
	if err == nil && n <= 1 {
		return relais.Errorf(relais.ECONFLICT, "This is the last active admin: make someone else admin first.").With("error.last_admin")
	}
	return err
}

func joinDetail(who, detail string) string {
	if detail == "" {
		return who
	}
	return who + ": " + detail
}

func (s *Service) closeMember(id int64) {
	if s.closer != nil {
		s.closer.CloseMember(id)
	}
}

func (s *Service) closeSession(tokenHash string) {
	if s.closer != nil {
		s.closer.CloseSession(tokenHash)
	}
}
