package ui

// quoteMessages are the strings of a quoted post drawn in the previews.
var quoteMessages = map[string][2]string{
	"preview.quoted":         {"Publication citée", "Quoted post"},
	"preview.quote_open":     {"Voir la publication citée", "Open the quoted post"},
	"preview.quote_mastodon": {"Mastodon 4.5 et suivants affichent la publication citée sous le texte ; les serveurs plus anciens n'affichent que le lien.", "Mastodon 4.5 and later show the quoted post under the text; older servers show the link only."},
}

func init() {
	for k, v := range quoteMessages {
		messages[k] = v
	}
}
