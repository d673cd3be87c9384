package auth_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

type mail struct{ to, subject, text string }

// TestInvitation checks the invitation flow: only an admin invites; the
// e-mailed link is single-use and expires; the member signs in at once.
func TestInvitation(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s, a, editor := setup(t, dialect)
		ctx := context.Background()
		admin := &relais.Member{Email: "admin@x.fr", Name: "Directrice", Role: relais.RoleAdmin}
		require.NoError(t, a.AddMember(ctx, admin, ""))
		var sent []mail
		a.SetMailer(func(ctx context.Context, to, subject, text string) error {
			sent = append(sent, mail{to, subject, text})
			return nil
		}, "https://relais.example/")
		in := auth.InviteInput{Email: "Col11@x.fr", Name: "Camille", Role: relais.RoleColistier, District: "11e"}

		_, err := a.Invite(relais.NewContextWithMember(ctx, editor), in)
		requireCode(t, relais.EFORBIDDEN, err)
		_, err = a.Invite(ctx, in)
		requireCode(t, relais.EUNAUTHORIZED, err)
		asAdmin := relais.NewContextWithMember(ctx, admin)
		_, err = a.Invite(asAdmin, auth.InviteInput{Email: "web@x.fr", Name: "Dup", Role: relais.RoleEditor})
		requireCode(t, relais.ECONFLICT, err)
		_, err = a.Invite(asAdmin, auth.InviteInput{Email: "x@x.fr", Name: "X", Role: "king"})
		requireCode(t, relais.EINVALID, err)
		require.Empty(t, sent)

		out, err := a.Invite(asAdmin, in)
		require.NoError(t, err)
		require.True(t, out.Sent)
		require.Empty(t, out.Link, "the link travels by e-mail only")
		require.Len(t, sent, 1)
		require.Equal(t, "col11@x.fr", sent[0].to)
		link := regexp.MustCompile(`https://relais\.example/invite/(\S+)`).FindStringSubmatch(sent[0].text)
		require.NotNil(t, link, sent[0].text)
		tok := link[1]

		inv, err := a.Invitation(ctx, tok)
		require.NoError(t, err)
		require.Equal(t, "Camille", inv.Name)
		_, err = a.AcceptInvitation(ctx, tok, "short")
		requireCode(t, relais.EINVALID, err)
		sess, err := a.AcceptInvitation(ctx, tok, "a-long-password")
		require.NoError(t, err)
		require.Equal(t, relais.RoleColistier, sess.Member.Role)
		require.Equal(t, "11e", sess.Member.District)
		_, _, err = a.SessionMember(ctx, sess.Token)
		require.NoError(t, err)
		_, err = a.Login(ctx, "col11@x.fr", "a-long-password", "10.0.0.9")
		require.NoError(t, err)
		_, err = a.AcceptInvitation(ctx, tok, "another-long-password")
		requireCode(t, relais.ENOTFOUND, err) // single use

		sent = nil
		_, err = a.Invite(asAdmin, auth.InviteInput{Email: "late@x.fr", Name: "Late", Role: relais.RoleEditor})
		require.NoError(t, err)
		late := regexp.MustCompile(`/invite/(\S+)`).FindStringSubmatch(sent[0].text)[1]
		s.SetNow(func() time.Time { return time.Now().Add(auth.InvitationTTL + time.Minute) })
		_, err = a.AcceptInvitation(ctx, late, "a-long-password")
		requireCode(t, relais.ENOTFOUND, err) // expired
		requireAudit(t, s, "member.invite", "member.join")
	})
}

// TestInvitationWithoutMail returns the link to the admin when no mail
// could be sent.
func TestInvitationWithoutMail(t *testing.T) {
	t.Parallel()
	_, a, _ := setup(t, store.DialectSQLite)
	ctx := context.Background()
	admin := &relais.Member{Email: "admin@x.fr", Name: "Directrice", Role: relais.RoleAdmin}
	require.NoError(t, a.AddMember(ctx, admin, ""))
	a.SetMailer(func(context.Context, string, string, string) error { return errors.New("no SMTP") }, "http://localhost:8080")
	out, err := a.Invite(relais.NewContextWithMember(ctx, admin), auth.InviteInput{Email: "n@x.fr", Name: "N", Role: relais.RoleEditor})
	require.NoError(t, err)
	require.False(t, out.Sent)
	require.Regexp(t, `^http://localhost:8080/invite/\S+$`, out.Link)
}

func requireAudit(t *testing.T, s *store.Store, actions ...string) {
	t.Helper()
	require.NoError(t, s.View(context.Background(), func(tx *store.Tx) error {
		es, err := tx.Audit(store.AuditFilter{})
		seen := map[string]bool{}
		for _, e := range es {
			seen[e.Action] = true
		}
		for _, a := range actions {
			require.True(t, seen[a], "audit has %s", a)
		}
		return err
	}))
}
