package mastodon

import (
	"context"
	"time"

	"github.com/relais/relais"
)

// Instance holds the limits an instance announces in GET /api/v2/instance.
type Instance struct {
	MaxChars       int      // configuration.statuses.max_characters
	URLReserved    int      // configuration.statuses.characters_reserved_per_url
	MaxMedia       int      // configuration.statuses.max_media_attachments
	ImageSizeLimit int      // configuration.media_attachments.image_size_limit, bytes
	MediaTypes     []string // configuration.media_attachments.supported_mime_types
	Software       string   // nodeinfo software.name: "mastodon", "gotosocial"...; "" unknown
	APIVersion     int      // api_versions.mastodon (0: not announced, before Mastodon 4.3)

	fetched time.Time
}

// instanceTTL is how long an instance's limits and software are trusted
// before they are fetched again.
const instanceTTL = 24 * time.Hour

// unknownSoftwareRetry is how soon a server whose software could not be
// learnt is asked again (its limits are kept meanwhile).
const unknownSoftwareRetry = 5 * time.Minute

// DefaultInstance is what mastodon.social announced in 2026; it applies
// until an instance's own limits have been fetched.
var DefaultInstance = Instance{
	MaxChars: 500, URLReserved: 23, MaxMedia: 4, ImageSizeLimit: 16 << 20,
	MediaTypes: []string{"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/avif"},
}

type instanceJSON struct {
	APIVersions struct {
		Mastodon int `json:"mastodon"`
	} `json:"api_versions"`
	Configuration struct {
		Statuses struct {
			MaxCharacters            int `json:"max_characters"`
			MaxMediaAttachments      int `json:"max_media_attachments"`
			CharactersReservedPerURL int `json:"characters_reserved_per_url"`
		} `json:"statuses"`
		MediaAttachments struct {
			SupportedMimeTypes []string `json:"supported_mime_types"`
			ImageSizeLimit     int      `json:"image_size_limit"`
		} `json:"media_attachments"`
	} `json:"configuration"`
}

// Instance returns the limits and software of a's instance, fetched per
// base URL (at an account's first check or publication, then daily) and
// cached. Missing fields keep DefaultInstance's values.
func (c *Client) Instance(ctx context.Context, a relais.Account) (Instance, error) {
	base, err := c.base(a)
	if err != nil {
		return Instance{}, err
	}
	c.mu.Lock()
	in, ok := c.instances[base]
	c.mu.Unlock()
	if ok && time.Since(in.fetched) < instanceTTL {
		return in, nil
	}
	var j instanceJSON
	if _, err := c.get(ctx, base+"/api/v2/instance", "", "fetch instance", &j); err != nil {
		return Instance{}, err
	}
	in = j.instance()
	in.Software, in.fetched = c.software(ctx, base), time.Now()
	if in.Software == "" { // nodeinfo failed or is absent: ask again soon rather than distrust for a day
		in.fetched = in.fetched.Add(unknownSoftwareRetry - instanceTTL)
	}
	c.mu.Lock()
	c.instances[base] = in
	c.mu.Unlock()
	return in, nil
}

func (j instanceJSON) instance() Instance {
	in, s, m := DefaultInstance, j.Configuration.Statuses, j.Configuration.MediaAttachments
	pick := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	pick(&in.MaxChars, s.MaxCharacters)
	pick(&in.URLReserved, s.CharactersReservedPerURL)
	pick(&in.MaxMedia, s.MaxMediaAttachments)
	pick(&in.ImageSizeLimit, m.ImageSizeLimit)
	if len(m.SupportedMimeTypes) > 0 {
		in.MediaTypes = m.SupportedMimeTypes
	}
	in.APIVersion = j.APIVersions.Mastodon
	return in
}

// cachedFor returns the limits cached for a's instance.
func (c *Client) cachedFor(a relais.Account) (Instance, bool) {
	base, err := c.base(a)
	if err != nil {
		return Instance{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	in, ok := c.instances[base]
	return in, ok
}

// cached returns the limits cached for the default instance, or
// DefaultInstance.
func (c *Client) cached() Instance {
	c.mu.Lock()
	defer c.mu.Unlock()
	if in, ok := c.instances[c.api.Base(relais.Account{})]; ok { // an account without BaseURL: the default instance
		return in
	}
	return DefaultInstance
}
