package supporters

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/intent"
	"github.com/relais/relais/store"
)

// mailText holds the share kit's wording, French first, English second.
var mailText = map[string][2]string{
	"subject":        {"À partager : %s", "To share: %s"},
	"hello":          {"Bonjour %s,", "Hello %s,"},
	"hello0":         {"Bonjour,", "Hello,"},
	"intro":          {"Voici un message de la campagne à partager si vous le souhaitez :", "Here is a campaign message to share if you wish:"},
	"links":          {"Partager en un clic :", "Share in one click:"},
	"variants":       {"Autres versions :", "Other versions:"},
	"image":          {"Image jointe, à partager avec le texte : %s", "Attached image, to share with the text: %s"},
	"thanks":         {"Merci pour votre soutien !", "Thank you for your support!"},
	"why":            {"Vous recevez ce message parce que vous avez accepté de relayer la campagne.", "You receive this message because you agreed to relay the campaign."},
	"unsub":          {"Se désinscrire en un clic : %s", "Unsubscribe in one click: %s"},
	"digest_subject": {"À partager aujourd'hui : %d messages", "To share today: %d messages"},
	"digest_intro":   {"Voici les messages de la campagne du jour, à partager si vous le souhaitez :", "Here are today's campaign messages, to share if you wish:"},
	"x":              {"Publier sur X", "Post on X"},
	"bluesky":        {"Publier sur Bluesky", "Post on Bluesky"},
	"facebook":       {"Partager sur Facebook", "Share on Facebook"},
	"whatsapp":       {"Envoyer sur WhatsApp", "Send on WhatsApp"},
	"linkedin":       {"Partager sur LinkedIn", "Share on LinkedIn"},
	"mastodon":       {"Publier sur Mastodon", "Post on Mastodon"},
}

func tr(lang, key string) string {
	if lang == "en" {
		return mailText[key][1]
	}
	return mailText[key][0]
}

// UnsubscribeURL is the page that unsubscribes in one click.
func (s *Service) UnsubscribeURL(token string) string {
	return strings.TrimSuffix(s.cfg.BaseURL, "/") + "/u/" + url.PathEscape(token)
}

// message builds a kit's e-mail: the post's text and variants with their
// tracked links and one-click share links, the post's images attached,
// List-Unsubscribe (mailto and https) and List-Unsubscribe-Post (RFC
// 8058), and the unsubscribe link in the footer.
func (k *Kits) message(p *relais.Post, c *content, r store.KitRow) (io.WriterTo, error) {
	m, err := k.envelope(r, fmt.Sprintf(tr(r.Lang, "subject"), excerpt(p.Text, 60)))
	if err != nil {
		return nil, err
	}
	m.SetGenHeader(mail.Header("X-Relais-Kit"), fmt.Sprintf("%d-%d", r.PostID, r.SupporterID))
	m.SetBodyString(mail.TypeTextPlain, kitBody(c.textsOf(r), c.images, r, k.svc.UnsubscribeURL(token(r))))
	attachImages(m, c.images)
	return m, nil
}

// attachImages attaches images to m, each with its content type.
func attachImages(m *mail.Msg, images []kitImage) {
	for _, img := range images {
		m.AttachReadSeeker(img.name, bytes.NewReader(img.data), mail.WithFileContentType(mail.ContentType(img.ctype)))
	}
}

// envelope is a message to the kit's supporter with its Message-ID and
// the unsubscribe headers.
func (k *Kits) envelope(r store.KitRow, subject string) (*mail.Msg, error) {
	m := mail.NewMsg()
	if err := m.From(k.smtp.From); err != nil {
		return nil, err
	}
	if err := m.To(r.Email); err != nil {
		return nil, err
	}
	m.Subject(subject)
	m.SetDateWithValue(time.Now())
	m.SetMessageIDWithValue(r.MessageID)
	m.SetGenHeader(mail.HeaderListUnsubscribe, fmt.Sprintf("<mailto:%s?subject=unsubscribe%%20%s>, <%s>", k.from(), token(r), k.svc.UnsubscribeURL(token(r))))
	m.SetGenHeader(mail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	return m, nil
}

func token(r store.KitRow) string {
	if r.Token == nil {
		return ""
	}
	return *r.Token
}

// kitBody is the text of a kit: texts[0] is the kit's own text, the
// others the post's other versions.
func kitBody(texts []string, images []kitImage, r store.KitRow, unsub string) string {
	var b strings.Builder
	b.WriteString(greeting(r) + tr(r.Lang, "intro") + "\n\n" + texts[0] + "\n\n")
	writeImages(&b, r.Lang, images)
	b.WriteString(tr(r.Lang, "links") + "\n")
	writeLinks(&b, r.Lang, texts[0])
	if len(texts) > 1 {
		b.WriteString("\n" + tr(r.Lang, "variants") + "\n")
		for _, v := range texts[1:] {
			b.WriteString("\n" + v + "\n")
			writeLinks(&b, r.Lang, v)
		}
	}
	return b.String() + footer(r, unsub)
}

// writeImages names the attached images with their descriptions, to be
// shared with the text.
func writeImages(b *strings.Builder, lang string, images []kitImage) {
	for _, img := range images {
		desc := img.alt
		if desc == "" {
			desc = img.name
		}
		fmt.Fprintf(b, tr(lang, "image")+"\n", desc)
	}
	if len(images) > 0 {
		b.WriteString("\n")
	}
}

func greeting(r store.KitRow) string {
	if r.FirstName != "" {
		return fmt.Sprintf(tr(r.Lang, "hello"), r.FirstName) + "\n\n"
	}
	return tr(r.Lang, "hello0") + "\n\n"
}

func footer(r store.KitRow, unsub string) string {
	return "\n" + tr(r.Lang, "thanks") + "\n\n-- \n" + tr(r.Lang, "why") + "\n" + fmt.Sprintf(tr(r.Lang, "unsub"), unsub) + "\n"
}

func writeLinks(b *strings.Builder, lang, text string) {
	for _, l := range intent.Links(text, "", "") {
		fmt.Fprintf(b, "- %s : %s\n", tr(lang, l.Platform), l.URL)
	}
}

func excerpt(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return string(r)
}
