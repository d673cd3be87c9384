package approval

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// SetConnectors makes every submit and edit check each target's platform
// rules (length, media) before anyone is asked to approve.
func (s *Service) SetConnectors(r *connectors.Registry) { s.connectors = r }

// checkPlatforms returns an EINVALID error naming every problem the
// targets' platforms find in p, with each account's own rules (Bluesky
// mentions that do not resolve, a Mastodon instance's limits). A sandboxed account is checked with its
// platform's rules, since that is where it would really be published.
func (s *Service) checkPlatforms(tx *store.Tx, p *relais.Post) error {
	if s.connectors == nil {
		return nil
	}
	media, err := draftMedia(tx, p.Media)
	if err != nil {
		return err
	}
	var msgs, coded []string
	for _, id := range p.Targets {
		a, err := tx.AccountByID(id)
		if err != nil {
			return err
		}
		c, err := s.connectors.Get(a.Platform)
		if err != nil {
			return err
		}
		d := connectors.Draft{Text: p.TextFor(a.Platform), Language: p.LangFor(a.Platform), Media: media}
		for _, pr := range connectors.ValidateFor(tx.Context(), c, *a, d) {
			msgs = append(msgs, fmt.Sprintf("%s @%s: %s", a.Platform, a.Handle, pr.Message))
			coded = append(coded, problemCode(a, pr))
		}
	}
	if len(msgs) > 0 {
		field := "text"
		if len(p.Variants) > 0 {
			field = "variants"
		}
		return relais.FieldErrorf(field, "%s.", strings.Join(msgs, "; ")).With("error.platform", "problems", strings.Join(coded, "\n"))
	}
	return nil
}

// numbers finds the integers of a problem's English message: a length
// problem names the count first and the limit last.
var numbers = regexp.MustCompile(`[0-9][0-9,]*`)

// problemCode is one platform problem as a coded text (i18n.Code) for
// each reader's language: "error.platform.too_long" with the account, the
// count and the limit, or the problem's code alone.
func problemCode(a *relais.Account, pr connectors.Problem) string {
	pairs := []string{"platform", string(a.Platform), "handle", a.Handle}
	if n := numbers.FindAllString(pr.Message, -1); pr.Code == "too_long" && len(n) >= 2 {
		pairs = append(pairs, "count", n[0], "max", n[len(n)-1])
	} else if pr.Code == "too_long" {
		return i18n.Code("error.platform.too_long_any", pairs...)
	}
	return i18n.Code("error.platform."+pr.Code, pairs...)
}

// draftMedia loads the images' bytes for the connectors.
func draftMedia(tx *store.Tx, ms []relais.Media) ([]connectors.Media, error) {
	out := make([]connectors.Media, 0, len(ms))
	for _, m := range ms {
		data, err := tx.MediaData(m.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, connectors.NewMedia(m, data))
	}
	return out, nil
}
