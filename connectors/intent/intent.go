// Package intent builds share links ("intents") for colistiers and
// supporters without connected accounts: one click opens the platform's
// compose box (or sharer) prefilled with the post's text and its tracked
// link. Nothing is published by relais.
package intent

import (
	"net/url"
	"strings"
)

// Link is one share link.
type Link struct {
	Platform string `json:"platform"` // x, bluesky, mastodon, facebook, whatsapp, linkedin
	Label    string `json:"label"`    // French, for the share kit and the inbox
	URL      string `json:"url"`
}

// Links returns the share links for text and link (the tracked short
// link, may be empty). The Mastodon link needs the person's instance
// ("mastodon.social" or "https://mastodon.social"); it is left out when
// mastodonInstance is empty. Facebook and LinkedIn share only a URL, so
// they are left out when link is empty.
func Links(text, link, mastodonInstance string) []Link {
	full := join(text, link)
	ls := []Link{
		{"x", "Publier sur X", "https://x.com/intent/post?" + query("text", text, "url", link)},
		{"bluesky", "Publier sur Bluesky", "https://bsky.app/intent/compose?" + query("text", full)},
	}
	if host := instanceHost(mastodonInstance); host != "" {
		ls = append(ls, Link{"mastodon", "Publier sur Mastodon", "https://" + host + "/share?" + query("text", full)})
	}
	if link != "" {
		ls = append(ls, Link{"facebook", "Partager sur Facebook", "https://www.facebook.com/sharer/sharer.php?" + query("u", link)})
	}
	ls = append(ls, Link{"whatsapp", "Envoyer sur WhatsApp", "https://wa.me/?" + query("text", full)})
	if link != "" {
		ls = append(ls, Link{"linkedin", "Partager sur LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + query("url", link)})
	}
	return ls
}

// query encodes key/value pairs in order, skipping empty values, with
// spaces as %20 (some apps show a literal "+").
func query(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			parts = append(parts, kv[i]+"="+escape(kv[i+1]))
		}
	}
	return strings.Join(parts, "&")
}

func escape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

func join(text, link string) string {
	if link == "" || strings.Contains(text, link) {
		return text
	}
	if text == "" {
		return link
	}
	return text + " " + link
}

// instanceHost returns the host of a Mastodon instance given as a host or
// a URL, or "" if it is not usable.
func instanceHost(instance string) string {
	instance = strings.TrimSpace(instance)
	if instance == "" {
		return ""
	}
	if !strings.Contains(instance, "://") {
		instance = "https://" + instance
	}
	u, err := url.Parse(instance)
	if err != nil || u.Host == "" || strings.ContainsAny(u.Host, "/?#@") {
		return ""
	}
	return u.Host
}
