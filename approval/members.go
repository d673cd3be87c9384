package approval

import (
	"context"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Members returns every member by name, for mentions and settings, with
// their e-mail addresses for the roles that may read them
// (policy.MembersReadEmail). Returns EFORBIDDEN for colistiers.
func (s *Service) Members(ctx context.Context) ([]*relais.Member, error) {
	m, err := mayDiscuss(ctx)
	if err != nil {
		return nil, err
	}
	var out []*relais.Member
	err = s.store.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Members()
		return err
	})
	if !policy.Can(m, policy.MembersReadEmail, policy.Object{}) {
		for i, x := range out {
			c := *x
			c.Email, out[i] = "", &c
		}
	}
	return out, err
}

// hideEmails drops the e-mail addresses from the actors of v's history
// ("Name <email> (role)" becomes "Name (role)") for a member who may not
// read them.
func (v *PostView) hideEmails(m *relais.Member) {
	if policy.Can(m, policy.MembersReadEmail, policy.Object{}) {
		return
	}
	for i, e := range v.History {
		if at := strings.Index(e.Actor, " <"); at >= 0 {
			if end := strings.Index(e.Actor[at:], ">"); end >= 0 {
				v.History[i].Actor = e.Actor[:at] + e.Actor[at+end+1:]
			}
		}
	}
}
