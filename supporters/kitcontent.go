package supporters

import (
	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/store"
)

// SetLinker makes the kits carry tracked short links (/l/{code}) instead
// of the URLs as written: analytics' links on channel "supporter", one
// code per post, variant and district, never per person. Without a
// linker the links stay as written.
func (k *Kits) SetLinker(l *analytics.Linker) { k.links = l }

// kitImage is a post's image as a kit carries it.
type kitImage struct {
	name, ctype, alt string
	data             []byte
}

// content is what a post's kits carry besides the greeting and footer:
// the texts with tracked links, per district and kit text (the kit's own
// first, then the post's other versions), and the post's images.
type content struct {
	texts  map[[2]string][]string
	images []kitImage
}

// textsOf returns the texts of r's kit.
func (c *content) textsOf(r store.KitRow) []string {
	if ts, ok := c.texts[[2]string{r.District, r.Text}]; ok {
		return ts
	}
	return []string{r.Text}
}

// loadImages reads the post's images, in order.
func loadImages(tx *store.Tx, p *relais.Post) ([]kitImage, error) {
	out := make([]kitImage, 0, len(p.Media))
	for _, m := range p.Media {
		data, err := tx.MediaData(m.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, kitImage{name: m.Filename, ctype: m.ContentType, alt: m.AltText, data: data})
	}
	return out, nil
}

// trackTexts fills c.texts for the kits' districts and texts, saving the
// tracked links in tx: one rewrite per district and text, not per kit.
func (k *Kits) trackTexts(tx *store.Tx, p *relais.Post, rows []store.KitRow, c *content) error {
	names, others := p.VariantNames(), shareTexts(p)
	c.texts = map[[2]string][]string{}
	for _, r := range rows {
		key := [2]string{r.District, r.Text}
		if _, done := c.texts[key]; done {
			continue
		}
		var seen = map[string]bool{}
		for _, t := range append([]string{r.Text}, others...) {
			tracked, err := k.track(tx, p.ID, names[t], r.District, t)
			if err != nil {
				return err
			}
			if !seen[tracked] {
				seen[tracked] = true
				c.texts[key] = append(c.texts[key], tracked)
			}
		}
	}
	return nil
}

// track returns text with its links replaced by the supporter channel's
// short links for the post, variant and district (saved in tx).
func (k *Kits) track(tx *store.Tx, postID int64, variant, district, text string) (string, error) {
	if k.links == nil {
		return text, nil
	}
	sc := analytics.Scope{PostID: postID, Variant: variant, Channel: analytics.ChannelSupporter, District: district}
	return k.links.Rewrite(tx, sc, text)
}

// shareTexts returns the post's distinct variants in platform order, then
// its own text.
func shareTexts(p *relais.Post) []string {
	var out []string
	seen := map[string]bool{p.Text: true}
	for _, pl := range relais.Platforms {
		if v := p.Variants[pl]; v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return append(out, p.Text)
}
