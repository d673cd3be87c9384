package analytics

import (
	"net/http"
	"strings"
	"sync"
)

// botMarkers are substrings of the user agents of crawlers and link
// preview fetchers (lower case). Platforms fetch every link posted to build
// a preview card (Mastodon instances each do, with "Mastodon/x.y
// (http.rb/...)"), so counting them would count posts, not readers.
var botMarkers = []string{
	"bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebookcatalog", "meta-externalagent",
	"mastodon/", "http.rb", "pleroma", "akkoma", "misskey", "cardyb", "bluesky", "embedly", "whatsapp",
	"skypeuripreview", "preview", "headlesschrome", "lighthouse", "curl/", "wget/", "python-requests",
	"go-http-client", "okhttp", "java/", "libwww", "feedfetcher", "linkcheck", "validator",
}

// IsBot reports whether a user agent is a known bot or preview fetcher.
// An empty user agent counts as a bot: browsers always send one.
func IsBot(ua string) bool {
	if ua == "" {
		return true
	}
	ua = strings.ToLower(ua)
	for _, m := range botMarkers {
		if strings.Contains(ua, m) {
			return true
		}
	}
	return false
}

// IsPrefetch reports whether a request is a speculative prefetch or
// prerender (Sec-Purpose: prefetch, Purpose: prefetch, X-Moz: prefetch,
// X-Purpose: preview), which no person asked for.
func IsPrefetch(r *http.Request) bool {
	for _, h := range []string{"Sec-Purpose", "Purpose", "X-Purpose", "X-Moz"} {
		v := strings.ToLower(r.Header.Get(h))
		if strings.Contains(v, "prefetch") || strings.Contains(v, "prerender") || strings.Contains(v, "preview") {
			return true
		}
	}
	return false
}

// Countable reports whether a request to a short link is a person's click:
// a GET, not a prefetch, not from a bot.
func Countable(r *http.Request) bool {
	return r.Method == http.MethodGet && !IsPrefetch(r) && !IsBot(r.UserAgent())
}

// MaxCachedAgents bounds the user agents whose verdict is remembered.
const MaxCachedAgents = 4096

// botCache remembers IsBot's verdict per user agent: people's browsers
// send a few hundred distinct strings, and lower-casing and scanning each
// for every marker is most of a redirect's own work.
type botCache struct {
	mu    sync.Mutex
	agent map[string]bool
}

// countable is Countable with the bot verdict cached.
func (c *botCache) countable(r *http.Request) bool {
	return r.Method == http.MethodGet && !IsPrefetch(r) && !c.isBot(r.UserAgent())
}

func (c *botCache) isBot(ua string) bool {
	c.mu.Lock()
	bot, ok := c.agent[ua]
	c.mu.Unlock()
	if ok {
		return bot
	}
	bot = IsBot(ua)
	c.mu.Lock()
	if c.agent == nil || len(c.agent) >= MaxCachedAgents {
		c.agent = make(map[string]bool, 64)
	}
	c.agent[ua] = bot
	c.mu.Unlock()
	return bot
}
