package auth

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store/storetest"
)

// TestReviewInviteHashesOnlyInGate (issue 11 item 4, second review): POST
// /invite/{token} needs no login, and accepting an invitation hashed the
// password with argon2id (64 MiB) before looking the token up and outside
// the password-check gate: 20 parallel posts to /invite/bogus took the
// demo from 0.3 to 1.4 GB. An unknown token must cost no hash, and a hash
// must wait for a gate slot like a sign-in.
func TestReviewInviteHashesOnlyInGate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := New(storetest.Open(t, "sqlite"))
	admin := &relais.Member{Email: "admin@x.fr", Name: "Admin", Role: relais.RoleAdmin}
	require.NoError(t, s.AddMember(ctx, admin, "long-enough-pw"))
	inv, err := s.Invite(relais.NewContextWithMember(ctx, admin), InviteInput{Email: "new@x.fr", Name: "New", Role: relais.RoleColistier})
	require.NoError(t, err)
	token := inv.Link[strings.LastIndex(inv.Link, "/")+1:]
	s.SetCheckBudget(checkMemory, 0)
	var hashes atomic.Int32
	s.gate.hash = func(pw string) string { hashes.Add(1); return HashPassword(pw) }

	_, err = s.AcceptInvitation(ctx, "bogus-token", "long-enough-pw")
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err), "error: %v", err)
	require.Zero(t, hashes.Load(), "an unknown token costs no argon2id")

	s.gate.slots <- struct{}{} // every slot busy
	_, err = s.AcceptInvitation(ctx, token, "long-enough-pw")
	require.Equal(t, relais.ERATELIMIT, relais.ErrorCode(err), "a hash waits for a free slot: %v", err)
	<-s.gate.slots
	sess, err := s.AcceptInvitation(ctx, token, "long-enough-pw")
	require.NoError(t, err)
	require.Equal(t, "new@x.fr", sess.Member.Email)
	require.Equal(t, int32(1), hashes.Load())
}
