package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// TestApprovalWorkflowRows round-trips approvals (with names), threaded
// comments, approval steps and single-use expiring invitations.
func TestApprovalWorkflowRows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		s := storetest.Open(t, dialect)
		ctx := context.Background()
		now := time.Now().UTC()
		s.SetNow(func() time.Time { return now })
		var inv *store.Invitation
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			m := &relais.Member{Email: "web@x.fr", Name: "Web Lead", Role: relais.RoleEditor}
			require.NoError(t, tx.CreateMember(m, ""))
			a := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
			require.NoError(t, tx.CreateAccount(a, nil))
			p := &relais.Post{AuthorID: m.ID, Text: "t", Targets: []int64{a.ID}, State: relais.PostInReview, ContentHash: "h"}
			require.NoError(t, tx.CreatePost(p))

			require.NoError(t, tx.AddApproval(&relais.Approval{PostID: p.ID, MemberID: m.ID, Decision: "approved", ContentHash: "h", Comment: "ok"}))
			as, err := tx.Approvals(p.ID)
			require.NoError(t, err)
			require.Len(t, as, 1)
			require.Equal(t, relais.Approval{ID: as[0].ID, PostID: p.ID, MemberID: m.ID, MemberName: "Web Lead", Decision: "approved",
				ContentHash: "h", Comment: "ok", CreatedAt: as[0].CreatedAt}, as[0])

			root := &store.Comment{PostID: p.ID, AuthorID: m.ID, Body: "Précisez l'heure @anne", Mentions: []int64{m.ID}}
			require.NoError(t, tx.CreateComment(root))
			reply := &store.Comment{PostID: p.ID, ParentID: &root.ID, AuthorID: m.ID, Body: "Fait"}
			require.NoError(t, tx.CreateComment(reply))
			cs, err := tx.Comments(p.ID)
			require.NoError(t, err)
			require.Len(t, cs, 2)
			require.Equal(t, "Web Lead", cs[0].Author)
			require.Equal(t, []int64{m.ID}, cs[0].Mentions)
			require.Equal(t, root.ID, *cs[1].ParentID)
			require.Equal(t, []int64{}, cs[1].Mentions)

			require.NoError(t, tx.SetApprovalStep(a.ID, m.ID))
			steps, err := tx.ApprovalSteps([]int64{a.ID, 999})
			require.NoError(t, err)
			require.Equal(t, map[int64]int64{a.ID: m.ID}, steps)
			require.NoError(t, tx.SetApprovalStep(a.ID, 0))
			steps, err = tx.ApprovalSteps(nil)
			require.NoError(t, err)
			require.Empty(t, steps)

			inv = &store.Invitation{TokenHash: "th", Email: "new@x.fr", Name: "New", Role: relais.RoleColistier,
				InvitedBy: m.ID, ExpiresAt: now.Add(time.Hour)}
			return tx.CreateInvitation(inv)
		}))
		require.NoError(t, s.Update(ctx, func(tx *store.Tx) error {
			got, err := tx.OpenInvitation("th")
			require.NoError(t, err)
			require.Equal(t, "new@x.fr", got.Email)
			require.NoError(t, tx.UseInvitation(got.ID))
			require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(tx.UseInvitation(got.ID)), "single use")
			_, err = tx.OpenInvitation("th")
			require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))

			exp := &store.Invitation{TokenHash: "th2", Email: "late@x.fr", Name: "Late", Role: relais.RoleEditor,
				InvitedBy: inv.InvitedBy, ExpiresAt: now.Add(time.Minute)}
			return tx.CreateInvitation(exp)
		}))
		s.SetNow(func() time.Time { return now.Add(2 * time.Minute) })
		require.NoError(t, s.View(ctx, func(tx *store.Tx) error {
			_, err := tx.OpenInvitation("th2")
			require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err), "expired")
			return nil
		}))
	})
}
