package approval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// AccountUpdate changes an account: its tone profile, and new credentials
// after its token expired (which makes it active again).
type AccountUpdate struct {
	ToneProfile string            `json:"tone_profile,omitempty"`
	Credentials map[string]string `json:"credentials,omitempty"`
	// Reconnect, set by the connect pages after the platform's sign-in,
	// checks the credentials are the account's own and follows its server
	// and handle.
	Reconnect *Reconnection `json:"-"`
}

// profiler lists the tone profiles the running rules define.
type profiler interface{ Profiles() []string }

// UpdateAccount applies in to account id. Returns EFORBIDDEN unless the
// caller manages accounts (admin, editor) — and, for the tone profile of
// the candidate's and the campaign's accounts, unless the caller is an
// admin (a freer profile turns blocks into warnings) —, ENOTFOUND for an unknown
// account, EINVALID for an unknown profile or empty credentials. The audit
// log names the credential keys changed, never their values.
func (s *Service) UpdateAccount(ctx context.Context, id int64, in AccountUpdate) (*relais.Account, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.AccountsManage, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts.", m.Role)
	} else if err := s.validateUpdate(in); err != nil {
		return nil, err
	}
	var a *relais.Account
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if a, err = tx.AccountByID(id); err != nil {
			return err
		}
		var changes []string
		if in.ToneProfile != "" && in.ToneProfile != a.ToneProfile {
			if !policy.Can(m, policy.AccountToneProfile, policy.AccountObject(a)) {
				return relais.Errorf(relais.EFORBIDDEN, "Only an admin may change the tone profile of the candidate's or the campaign's accounts.")
			}
			if err := tx.SetAccountProfile(id, in.ToneProfile); err != nil {
				return err
			} else if err := s.rereview(tx, m, id); err != nil {
				return err
			}
			changes, a.ToneProfile = append(changes, "tone profile "+in.ToneProfile), in.ToneProfile
		}
		if len(in.Credentials) > 0 {
			more, err := saveCredentials(tx, a, in)
			if err != nil {
				return err
			}
			changes = append(changes, more...)
		}
		if len(changes) == 0 {
			return nil
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "account.update",
			Detail: fmt.Sprintf("%s @%s: %s", a.Platform, a.Handle, strings.Join(changes, "; "))})
	})
	return a, err
}

// saveCredentials stores in's credentials for a, checked against the
// platform's sign-in when in is a reconnection, and makes a active again.
func saveCredentials(tx *store.Tx, a *relais.Account, in AccountUpdate) ([]string, error) {
	var changes []string
	if in.Reconnect == nil {
		if err := tx.MergeCredentials(a.ID, in.Credentials); err != nil {
			return nil, err
		}
	} else if full, err := tx.AccountWithCredentials(a.ID); err != nil {
		return nil, err
	} else if err := checkReconnect(full, in.Reconnect, in.Credentials); err != nil {
		return nil, err
	} else if changes, err = applyReconnect(tx, a, in.Reconnect, in.Credentials); err != nil {
		return nil, err
	}
	if err := tx.SetAccountStatus(a.ID, relais.AccountActive); err != nil {
		return nil, err
	}
	a.Status = relais.AccountActive
	return append([]string{"credentials " + strings.Join(keys(in.Credentials), ", ") + "; reconnected"}, changes...), nil
}

func (s *Service) validateUpdate(in AccountUpdate) error {
	if p, ok := s.tone.(profiler); ok && in.ToneProfile != "" && !slices.Contains(p.Profiles(), in.ToneProfile) {
		choices := strings.Join(p.Profiles(), ", ")
		return relais.FieldErrorf("tone_profile", "Unknown tone profile %q (%s).", in.ToneProfile, choices).
			With("error.profile_unknown", "value", in.ToneProfile, "choices", choices)
	}
	for k, v := range in.Credentials {
		if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			return relais.FieldErrorf("credentials", "Credentials must be non-empty key/value strings.").With("error.credentials_empty")
		}
	}
	return connectors.CheckAccountURLs("", in.Credentials, s.allowPrivate)
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// rereview re-checks the tone of the posts awaiting publication on account
// id after its profile changed. A post the new rules judge more severely
// gets the new verdict; if it was already approved, its approval is voided
// and it goes back to review (its fan-out then does nothing), or back to
// its author when the new rules block it.
func (s *Service) rereview(tx *store.Tx, m *relais.Member, id int64) error {
	ps, err := tx.Posts(store.PostFilter{States: []relais.PostState{relais.PostInReview, relais.PostScheduled}, Limit: 1000})
	if err != nil {
		return err
	}
	var ev relais.PostEvent
	for _, p := range ps {
		if !slices.Contains(p.Targets, id) {
			continue
		}
		tv, err := s.checkTone(tx, p)
		if err != nil {
			return err
		} else if p.Tone != nil && rank(tv.Verdict) <= rank(p.Tone.Verdict) {
			continue
		}
		tv.Hash = p.ContentOnlyHash()
		p.Tone, ev = tv, relais.PostRereview
		if tv.Verdict == "block" {
			ev = relais.PostRereviewBlock // to be rewritten, or overridden by an admin
		}
		if p.Routing, err = s.route(tx, p); err != nil {
			return err
		} else if err := tx.MovePost(p, ev); err != nil {
			return err
		} else if err := tx.UpdatePost(p); err != nil {
			return err
		}
		s.announce(tx, relais.EventPostSubmitted, p)
		if err := audit(tx, m, "post.rereview", p, i18n.Code("history.rereview", "verdict", tv.Verdict, "state", string(p.State))); err != nil {
			return err
		}
	}
	return nil
}
