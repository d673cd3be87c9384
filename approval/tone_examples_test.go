package approval_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
)

// TestToneExamplesFromDecisions: a request for changes naming a tone rule
// and an admin override are stored as labelled examples, names replaced by
// role placeholders; the model retrained on them warns on a post like the
// turned-down one, on a post the rules alone let through.
func TestToneExamplesFromDecisions(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	cfg, err := tone.ParseConfig([]byte("opponents:\n  - name: Paul Dupont\n    aliases: [Dupont]\nown_team:\n  - name: Anne Martin\n"))
	require.NoError(t, err)
	e, err := tone.New(cfg)
	require.NoError(t, err)
	checker := tone.NewChecker(e)
	b.svc = approval.New(b.store, approval.ToneRules{Checker: checker}, b.rec, b.rec)

	rule := func(text string) string {
		v, _ := approval.ToneRules{Checker: checker}.Check(text, tone.ProfileCampaign)
		return v
	}
	probe := "Dupont roule pour les promoteurs du quartier."
	require.Equal(t, "ok", rule(probe), "the rules alone let it through")

	for i, text := range []string{"Paul Dupont roule pour les promoteurs immobiliers.",
		"Dupont roule pour les promoteurs, pas pour vous.", "Encore une fois Dupont roule pour les gros promoteurs."} {
		p := b.MustSubmit(b.cm, b.post(text, b.campaign))
		in := approval.DecisionInput{Comment: "attaque personnelle", ToneRule: tone.RuleAttack}
		if i == 0 {
			in.ToneRule = "insulte"
			_, err := b.svc.RequestChanges(as(b.editor), p.ID, in)
			requireCode(t, relais.EINVALID, err)
			in.ToneRule = tone.RuleAttack
		}
		_, err := b.svc.RequestChanges(as(b.editor), p.ID, in)
		require.NoError(t, err)
	}
	for _, text := range []string{"Débat ce soir avec Paul Dupont et Anne Martin à la mairie.", "Rendez-vous au marché samedi."} {
		p := b.MustSubmit(b.cm, b.post(text, b.campaign))
		_, err := b.svc.Reject(as(b.editor), p.ID, approval.DecisionInput{Comment: "doublon"})
		require.NoError(t, err)
	}
	blocked, err := b.svc.CreatePost(as(b.cm), b.post("Dupont ment sur les crèches, mais on l'assume.", b.campaign))
	require.NoError(t, err)
	_, err = b.svc.Override(as(b.admin), blocked.ID, "citation d'un article, validée par l'avocat")
	require.NoError(t, err)

	ex, err := b.svc.ToneExamples(as(b.editor), 0)
	require.NoError(t, err)
	require.Len(t, ex, 4, "three requests for changes naming a rule and one override; plain refusals teach nothing")
	require.Equal(t, "ok", ex[0].Label)
	require.Equal(t, "override", ex[0].Source)
	for _, x := range ex {
		require.NotContains(t, x.Text, "Dupont", "names are replaced by placeholders")
		require.True(t, strings.Contains(x.Text, "@adversaire"), x.Text)
	}
	_, err = b.svc.ToneExamples(as(b.cm), 0)
	requireCode(t, relais.EFORBIDDEN, err)

	require.Equal(t, "warn", rule(probe), "the model learnt from the decisions warns")
	props, err := b.svc.ToneProposals(as(b.admin), 10)
	require.NoError(t, err)
	require.NotEmpty(t, props)
	require.Equal(t, tone.RuleAttack, props[0].Rule)
	_, err = b.svc.ToneProposals(as(b.cm), 10)
	requireCode(t, relais.EFORBIDDEN, err)
	require.Equal(t, "ok", rule("Débat avec Dupont jeudi soir."))
}
