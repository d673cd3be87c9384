package ui

// analyticsMessages are the strings of the analytics pages (issue 15),
// French first, English second; merged into messages at start.
var analyticsMessages = map[string][2]string{
	"post.links":             {"Liens suivis", "Tracked links"},
	"post.links.destination": {"Destination :", "Destination:"},
}

func init() {
	for k, v := range analyticsMessages {
		if _, dup := messages[k]; dup {
			panic("ui: duplicate message key " + k)
		}
		messages[k] = v
	}
}
