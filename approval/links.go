package approval

import (
	"strings"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/store"
)

// ShortLink is a destination the approver approves and the tracked short
// link that replaces it in the publication.
type ShortLink struct {
	URL   string `json:"url"`
	Short string `json:"short"`
}

// LinkShortener returns the text a post publishes on an account with its
// links tracked, and the links (the analytics linker).
type LinkShortener interface {
	PreviewLinks(p *relais.Post, a *relais.Account, text string) (string, []ShortLink)
}

// SetLinkShortener makes previews show tracked short links.
func (s *Service) SetLinkShortener(l LinkShortener) { s.links = l }

// shortenPreviews replaces each preview's links by the short links the
// publication will carry (unless its account opted out), and measures the
// text again: the approver reads what goes out and the destinations.
func (s *Service) shortenPreviews(tx *store.Tx, p *relais.Post, pvs []Preview) error {
	if s.links == nil {
		return nil
	}
	for i := range pvs {
		a, err := tx.AccountByID(pvs[i].AccountID)
		if err != nil {
			return err
		}
		if off, err := tx.LinkOptOut(a.ID); err != nil || off {
			if err != nil {
				return err
			}
			continue
		}
		text, links := s.links.PreviewLinks(p, a, pvs[i].Text)
		if len(links) == 0 {
			continue
		}
		pvs[i].Text, pvs[i].Links = text, links
		if r, err := textlen.Count(string(a.Platform), countedText(pvs[i]), textlen.Options{}); err == nil {
			pvs[i].Length, pvs[i].Limit, pvs[i].Problems = r.Length, r.Limit, r.Problems
		}
	}
	return nil
}

// linkStandInHost is a host every platform's counter takes for a link's.
const linkStandInHost = "https://relais.fr/"

// countedText is the text a preview is measured on: each tracked short
// link stands as a link of the same length on a host every counter
// recognises. X and Mastodon then weigh it as the link it is (23), as
// the compose counter weighs the link it replaces, whatever host this
// instance answers on (an address such as 127.0.0.1 is no link to X's
// counter); platforms counting links in full count the same length.
func countedText(pv Preview) string {
	text := pv.Text
	for _, l := range pv.Links {
		text = strings.ReplaceAll(text, l.Short, linkStandIn(l.Short))
	}
	return text
}

// linkStandIn returns a link as long as short on linkStandInHost.
func linkStandIn(short string) string {
	n := utf8.RuneCountInString(short) - len(linkStandInHost)
	if n < 1 {
		return short
	}
	return linkStandInHost + strings.Repeat("l", n)
}
