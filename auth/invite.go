package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 72 * time.Hour

// SendMail sends a plain-text e-mail.
type SendMail func(ctx context.Context, to, subject, text string) error

// SetMailer makes Invite e-mail its links, built on baseURL.
func (s *Service) SetMailer(send SendMail, baseURL string) {
	s.send, s.baseURL = send, strings.TrimSuffix(baseURL, "/")
}

// InviteInput names the member to invite.
type InviteInput struct {
	Email    string      `json:"email"`
	Name     string      `json:"name"`
	Role     relais.Role `json:"role"`
	District string      `json:"district,omitempty"`
	// Lang is the language of the invitation e-mail ("fr" or "en"); the
	// inviting admin's when empty.
	Lang string `json:"lang,omitempty"`
}

// Invited is the outcome of an invitation. Link is set only when the
// e-mail could not be sent, so that the admin can pass it on by hand.
type Invited struct {
	Email     string    `json:"email"`
	ExpiresAt time.Time `json:"expires_at"`
	Sent      bool      `json:"sent"`
	Link      string    `json:"link,omitempty"`
}

// Invite creates a single-use invitation valid InvitationTTL and e-mails
// its link. Only an admin may invite.
//
// Returns EFORBIDDEN for other roles, EINVALID for bad fields, ECONFLICT if
// a member already has this e-mail.
func (s *Service) Invite(ctx context.Context, in InviteInput) (*Invited, error) {
	admin := relais.MemberFromContext(ctx)
	if admin == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	} else if !policy.Can(admin, policy.MembersManage, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only an admin may invite members.").With("error.admin_members")
	}
	m := &relais.Member{Email: strings.ToLower(strings.TrimSpace(in.Email)), Name: strings.TrimSpace(in.Name), Role: in.Role, District: in.District}
	if err := ValidateMember(m, ""); err != nil {
		return nil, err
	} else if !fullDomain(m.Email) {
		return nil, relais.FieldErrorf("email", "E-mail %q has no full domain.", m.Email).With("error.email_domain", "value", m.Email)
	}
	tok := NewToken()
	inv := &store.Invitation{TokenHash: HashToken(tok), Email: m.Email, Name: m.Name, Role: m.Role, District: m.District,
		Lang: inviteLang(in.Lang, admin.Lang), InvitedBy: admin.ID}
	err := s.store.Update(ctx, func(tx *store.Tx) error {
		if _, _, err := tx.MemberByEmail(m.Email); err == nil {
			return (&relais.Error{Code: relais.ECONFLICT, Field: "email", Message: "A member with this e-mail already exists."}).With("error.email_taken", "value", m.Email)
		} else if relais.ErrorCode(err) != relais.ENOTFOUND {
			return err
		}
		inv.ExpiresAt = tx.Now().Add(InvitationTTL)
		if err := tx.CreateInvitation(inv); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: admin.ID, Actor: relais.Actor(admin), Action: "member.invite",
			Detail: relais.Actor(m)})
	})
	if err != nil {
		return nil, err
	}
	return s.mailInvitation(ctx, admin, inv, tok), nil
}

// mailInvitation e-mails the invitation's link in its language, or returns the
// link for the admin to pass on when it cannot be sent.
func (s *Service) mailInvitation(ctx context.Context, admin *relais.Member, inv *store.Invitation, tok string) *Invited {
	lang := inv.Lang
	link := s.baseURL + "/invite/" + tok
	out := &Invited{Email: inv.Email, ExpiresAt: inv.ExpiresAt}
	params := map[string]string{"name": inv.Name, "admin": admin.Name, "role": i18n.T(lang, "role."+string(inv.Role), nil), "link": link}
	subject, text := i18n.T(lang, "mail.invite.subject", params), i18n.T(lang, "mail.invite.body", params)
	if s.send != nil && s.send(ctx, inv.Email, subject, text) == nil {
		out.Sent = true
	} else {
		out.Link = link
	}
	return out
}

// inviteLang is the invitation's language: the one asked for, else the
// inviting admin's.
func inviteLang(asked, admin string) string {
	if asked == i18n.EN || asked == i18n.FR {
		return asked
	}
	return i18n.Lang(admin)
}

// Invitation returns the open invitation of a token, for the page where
// the member chooses a password. Returns ENOTFOUND if the token is
// unknown, used or expired.
func (s *Service) Invitation(ctx context.Context, token string) (inv *store.Invitation, err error) {
	err = s.store.View(ctx, func(tx *store.Tx) error {
		inv, err = tx.OpenInvitation(HashToken(token))
		return err
	})
	return inv, err
}

// AcceptInvitation creates the invited member with password, uses up the
// invitation and opens a session.
//
// Returns ENOTFOUND if the token is unknown, used or expired, EINVALID for
// a short password, ECONFLICT if the e-mail was taken meanwhile.
func (s *Service) AcceptInvitation(ctx context.Context, token, password string) (*Session, error) {
	probe := &relais.Member{Email: "x@x", Name: "x", Role: relais.RoleColistier} // checks the password only
	if err := ValidateMember(probe, password); err != nil {
		return nil, err
	} else if password == "" {
		return nil, passwordTooShort()
	}
	hash, err := s.hashForInvitation(ctx, token, password)
	if err != nil {
		return nil, err
	}
	var sess *Session
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		inv, err := tx.OpenInvitation(HashToken(token))
		if err != nil {
			return err
		} else if err := tx.UseInvitation(inv.ID); err != nil {
			return err
		}
		m := &relais.Member{Email: inv.Email, Name: inv.Name, Role: inv.Role, District: inv.District, Lang: inv.Lang}
		if err := tx.CreateMember(m, hash); err != nil {
			return err
		}
		sess = &Session{Token: NewToken(), CSRF: NewToken(), Member: m}
		if err := tx.CreateSession(HashToken(sess.Token), m.ID, sess.CSRF, tx.Now().Add(SessionTTL)); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "member.join",
			Detail: fmt.Sprintf("invitation %d accepted", inv.ID)})
	})
	return sess, err
}

// hashForInvitation hashes password for an open invitation's token only,
// in a password-check slot: an unknown token costs no argon2id, and
// parallel acceptances cannot hold more memory than the sign-in budget.
func (s *Service) hashForInvitation(ctx context.Context, token, password string) (string, error) {
	err := s.store.View(ctx, func(tx *store.Tx) error {
		_, err := tx.OpenInvitation(HashToken(token))
		return err
	})
	if err != nil {
		return "", err
	}
	if err := s.gate.acquire(ctx); err != nil {
		return "", err
	}
	defer func() { <-s.gate.slots }()
	return s.gate.hash(password), nil
}

// fullDomain reports whether an address's domain has a dot between two
// labels (exemple.fr): an invitation to "jean@exemple" would never arrive.
func fullDomain(email string) bool {
	domain := email[strings.LastIndex(email, "@")+1:]
	dot := strings.LastIndex(domain, ".")
	return dot > 0 && dot < len(domain)-1
}
