package approval_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store/storetest"
)

// TestCommentsThreadedWithMentions checks replies, mention resolution and
// notification, and the refusals.
func TestCommentsThreadedWithMentions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dialect string) {
		b := setup(t, dialect)
		p := b.MustSubmit(b.cm, b.post("Réunion publique jeudi", b.campaign))
		other := b.MustSubmit(b.cm, b.post("Autre", b.campaign))

		root, err := b.svc.AddComment(as(b.editor), p.ID, approval.CommentInput{Body: "@cm précisez l'heure, et @anne ? @inconnu @col"})
		require.NoError(t, err)
		require.ElementsMatch(t, []int64{b.cm.ID, b.candidate.ID}, root.Mentions, "colistiers and unknown names are not mentioned")
		ns := b.rec.notifications(approval.KindMention)
		require.Len(t, ns, 1)
		require.Len(t, ns[0].To, 2)
		require.Equal(t, "/posts/"+itoa(p.ID), ns[0].Path)

		reply, err := b.svc.AddComment(as(b.cm), p.ID, approval.CommentInput{Body: "19h, c'est corrigé", ParentID: &root.ID})
		require.NoError(t, err)
		cs, err := b.svc.Comments(as(b.candidate), p.ID)
		require.NoError(t, err)
		require.Len(t, cs, 2)
		require.Equal(t, root.ID, *cs[1].ParentID)
		require.Equal(t, "cm", cs[1].Author)
		require.Equal(t, reply.ID, cs[1].ID)
		require.Equal(t, "post.comment", b.lastAudit().Action)

		before := b.auditCount()
		_, err = b.svc.AddComment(as(b.editor), p.ID, approval.CommentInput{Body: "  "})
		requireCode(t, relais.EINVALID, err)
		_, err = b.svc.AddComment(as(b.editor), other.ID, approval.CommentInput{Body: "x", ParentID: &root.ID})
		requireCode(t, relais.EINVALID, err)
		require.Equal(t, "parent_id", relais.ErrorField(err))
		_, err = b.svc.AddComment(as(b.editor), 9999, approval.CommentInput{Body: "x"})
		requireCode(t, relais.ENOTFOUND, err)
		_, err = b.svc.AddComment(as(b.colistier), p.ID, approval.CommentInput{Body: "x"})
		requireCode(t, relais.EFORBIDDEN, err)
		_, err = b.svc.Comments(as(b.colistier), p.ID)
		requireCode(t, relais.EFORBIDDEN, err)
		require.Equal(t, before, b.auditCount())

		v, err := b.svc.Get(as(b.editor), p.ID)
		require.NoError(t, err)
		require.Len(t, v.Comments, 2, "the post view carries its discussion")
	})
}
