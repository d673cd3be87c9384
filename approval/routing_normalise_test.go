package approval_test

import (
	"github.com/relais/relais/i18n"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
)

// hide writes text as someone hiding it from the routing signals would:
// a format character after the first letter of each word, Cyrillic
// look-alikes, or full-width letters.
var hide = map[string]func(string) string{
	"zero-width space": func(s string) string { return insertAfterFirst(s, "\u200b") },
	"soft hyphen":      func(s string) string { return insertAfterFirst(s, "\u00ad") },
	"word joiner":      func(s string) string { return insertAfterFirst(s, "\u2060") },
	"cyrillic":         strings.NewReplacer("a", "а", "e", "е", "o", "о", "p", "р", "c", "с").Replace,
	"full-width": func(s string) string {
		return strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return r - 'A' + 'Ａ'
			}
			return r
		}, s)
	},
}

func insertAfterFirst(s, mark string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if r := []rune(w); len(r) >= 3 {
			words[i] = string(r[:1]) + mark + string(r[1:])
		}
	}
	return strings.Join(words, " ")
}

// TestRoutingReadsNormalisedText (issue 11 item 2): a mention of an
// opponent or a pledge on the candidate's account goes to her however its
// letters are disguised, both through routing's own normalisation (the
// fake engine matches plain strings) and with the real tone engine, which
// blocks the disguised attack outright.
func TestRoutingReadsNormalisedText(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	cfg, err := tone.ParseConfig([]byte("opponents:\n  - name: Dupont\n"))
	require.NoError(t, err)
	e, err := tone.New(cfg)
	require.NoError(t, err)
	engines := map[string]approval.ToneChecker{"fake": fakeTone{}, "real": approval.ToneRules{Checker: tone.NewChecker(e)}}
	texts := map[string]string{
		"Contrairement à Dupont, nous écoutons":      i18n.ReasonOpponent,
		"Demain je m'engage pour les crèches":        i18n.ReasonPledge,
		"Dupont a menti sur les crèches du quartier": i18n.ReasonOpponent,
	}
	for engine, checker := range engines {
		b.svc = approval.New(b.store, checker, b.rec, b.rec)
		b.svc.SetNotifier(b.rec)
		for text, reason := range texts {
			for name, disguise := range hide {
				p, err := b.svc.CreatePost(as(b.cm), b.post(disguise(text), b.anne))
				require.NoError(t, err)
				p, err = b.svc.Submit(as(b.cm), p.ID)
				if engine == "real" && strings.Contains(text, "menti") {
					requireCode(t, relais.EBLOCKED, err) // the attack itself is blocked, disguised or not
					continue
				}
				require.NoError(t, err)
				require.Equal(t, approval.ApproverCandidate, p.Routing.Approver, "%s engine, %s: %q", engine, name, disguise(text))
				require.Contains(t, p.Routing.Reasons, reason, "%s engine, %s", engine, name)
			}
		}
	}
}
