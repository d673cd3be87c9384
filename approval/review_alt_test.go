package approval_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// TestReviewAltTextIsReviewed: an image's alt text is published with the
// post (platforms show it to screen readers and on demand) but the post
// page shows it to nobody: the tone rules and the routing must read it,
// or an author hides in it words no approver sees.
func TestReviewAltTextIsReviewed(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	png := []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 64))
	withAlt := func(text, alt string) approval.PostInput {
		img, err := b.svc.Upload(as(b.cm), "affiche.png", png, alt)
		require.NoError(t, err)
		in := b.post(text, b.anne)
		in.Media = []int64{img.ID}
		return in
	}
	p, err := b.svc.CreatePost(as(b.cm), withAlt("Réunion jeudi", "Quelle honte, ce maire"))
	require.NoError(t, err)
	_, err = b.svc.Submit(as(b.cm), p.ID)
	require.Equal(t, relais.EBLOCKED, relais.ErrorCode(err), "a blocking alt text is blocked like the text")

	p = b.MustSubmit(b.cm, withAlt("Réunion jeudi", "Dupont ferme les écoles"))
	require.Equal(t, approval.ApproverCandidate, p.Routing.Approver, "an alt text naming an opponent on the candidate's account goes to her")
}
