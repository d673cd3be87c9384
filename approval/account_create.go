package approval

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// NewAccount is an account to connect: the account itself, its owner
// ("candidate", "campaign", "colistier:EMAIL" or "district:NAME") and its
// credentials (stored encrypted; checking them with the platform is the
// caller's business).
type NewAccount struct {
	Account     relais.Account
	Owner       string
	Credentials map[string]string
}

// CreateAccount connects an account (admins and editors). Returns
// EINVALID for an unknown platform, an empty handle or a malformed owner,
// EINVALID on "owner" when no member has the colistier's e-mail; a
// database error stays an error. The audit log names the account and its
// owner, never the credentials.
func (s *Service) CreateAccount(ctx context.Context, in NewAccount) (*relais.Account, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.AccountsManage, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts.", m.Role)
	} else if err := s.validateNewAccount(&in); err != nil {
		return nil, err
	}
	a := in.Account
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if err := setOwner(tx, &a, in.Owner); err != nil {
			return err
		} else if err := tx.CreateAccount(&a, in.Credentials); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "account.add",
			Detail: fmt.Sprintf("%s @%s owner %s", a.Platform, a.Handle, in.Owner)})
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

func (s *Service) validateNewAccount(in *NewAccount) error {
	if !in.Account.Platform.Valid() {
		return relais.FieldErrorf("platform", "unknown platform %q", in.Account.Platform)
	} else if relais.NormalizeHandle(in.Account.Handle) == "" {
		return relais.FieldErrorf("handle", "--handle is required")
	}
	return connectors.CheckAccountURLs(in.Account.BaseURL, in.Credentials, s.allowPrivate)
}

// setOwner parses candidate, campaign, colistier:EMAIL or district:NAME.
func setOwner(tx *store.Tx, a *relais.Account, owner string) error {
	kind, arg, _ := strings.Cut(owner, ":")
	a.OwnerKind = relais.OwnerKind(kind)
	switch a.OwnerKind {
	case relais.OwnerColistier:
		return setColistier(tx, a, arg)
	case relais.OwnerDistrict:
		if strings.TrimSpace(arg) == "" {
			return relais.FieldErrorf("owner", "district:NAME needs a name")
		}
		a.District = arg
	case relais.OwnerCandidate:
		cs, err := tx.MembersByRole(relais.RoleCandidate)
		if err != nil {
			return err
		} else if len(cs) > 0 {
			a.OwnerMemberID = cs[0].ID
		}
	case relais.OwnerCampaign:
	default:
		return relais.FieldErrorf("owner", "owner must be candidate, campaign, colistier:EMAIL or district:NAME (got %q)", owner)
	}
	return nil
}

// setColistier makes the member with this e-mail the owner: EINVALID on
// "owner" if there is none, the database's error if it fails.
func setColistier(tx *store.Tx, a *relais.Account, email string) error {
	m, _, err := tx.MemberByEmail(email)
	var re *relais.Error
	if errors.As(err, &re) && re.Code == relais.ENOTFOUND {
		return relais.FieldErrorf("owner", "no member with e-mail %q", email)
	} else if err != nil {
		return err
	}
	a.OwnerMemberID, a.District = m.ID, m.District
	return nil
}
