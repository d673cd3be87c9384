package ui

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/approval/tone"
)

// TestToneConfigErrorPerReader feeds the tone engine broken rules files
// and renders each refusal for a French and an English reader: every
// one has its own catalogue sentence (none falls back to the generic
// "refused"), and no English sentence of the engine reaches a French page.
func TestToneConfigErrorPerReader(t *testing.T) {
	for _, yaml := range []string{
		"opponents: [{name: X, bogus: 1}]",
		"opponents: 3",
		"opponents: [{aliases: [a]}]",
		"opponents: [{name: \"!!!\"}]",
		"profiles: {campaign: {attack: loud}}",
		"profiles: {campaign: {nope: warn}}",
		"profiles: {campaign: {style: block}}",
		"lexicons: {de: {}}",
		"lexicons: {fr: {nope: []}}",
		"wat: 1",
		"opponents: [\n  - name: [",
	} {
		_, err := tone.ParseConfig([]byte(yaml))
		require.Error(t, err, yaml)
		ce, ok := err.(*tone.ConfigError)
		require.True(t, ok, "%s: %T %v", yaml, err, err)
		fr, en := Page{Lang: "fr"}.ToneMsg(ce), Page{Lang: "en"}.ToneMsg(ce)
		require.NotEqual(t, Page{Lang: "fr"}.T("tone_err.other"), fr, "%s: %q has no catalogue sentence", yaml, ce.Msg)
		require.NotEqual(t, fr, en, yaml)
		require.False(t, regexp.MustCompile(`\b(want|got|unknown|required|never|must)\b`).MatchString(fr), "%s: %s", yaml, fr)
		require.NotContains(t, fr, "%!", yaml)
		require.NotContains(t, en, "%!", yaml)
	}
}
