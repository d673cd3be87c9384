package approval_test

import (
	"github.com/relais/relais/i18n"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
)

// TestReviewRoutingOtherDisguises (issue 11 item 2, second review): the
// disguises the first fix did not try still route a pledge or a mention
// of an opponent on the candidate's account to her: a modifier-letter
// apostrophe (U+02BC) that glues "m'engage" into one word, IPA script g
// (U+0261) and small capitals (U+1D05) that the UTS #39 table leaves
// alone, and the Khmer inherent vowels (U+17B4), default-ignorable marks.
func TestReviewRoutingOtherDisguises(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	cfg, err := tone.ParseConfig([]byte("opponents:\n  - name: Dupont\n"))
	require.NoError(t, err)
	e, err := tone.New(cfg)
	require.NoError(t, err)
	b.svc = approval.New(b.store, approval.ToneRules{Checker: tone.NewChecker(e)}, b.rec, b.rec)
	b.svc.SetNotifier(b.rec)
	texts := map[string]string{
		"Demain je m\u02bcengage pour les crèches":    i18n.ReasonPledge,
		"Demain je m\ua78cengage pour les crèches":    i18n.ReasonPledge,
		"Demain je m'enɡage pour les crèches":         i18n.ReasonPledge,
		"Contrairement à ᴅupont, nous écoutons":       i18n.ReasonOpponent,
		"Contrairement à D\u17b4upont, nous écoutons": i18n.ReasonOpponent,
		"Contrairement à Dupon\u17b5t, nous écoutons": i18n.ReasonOpponent,
	}
	for text, reason := range texts {
		p, err := b.svc.CreatePost(as(b.cm), b.post(text, b.anne))
		require.NoError(t, err)
		p, err = b.svc.Submit(as(b.cm), p.ID)
		require.NoError(t, err, "%q", text)
		require.Equal(t, approval.ApproverCandidate, p.Routing.Approver, "%q", text)
		require.Contains(t, p.Routing.Reasons, reason, "%q", text)
	}
}
