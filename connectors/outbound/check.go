package outbound

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"
)

// CheckURL checks a URL a user sets (a webhook, a platform's base URL)
// when it is saved: http or https, a host, and unless allowPrivate no
// loopback name or blocked address literal. A name is resolved only when
// it is dialled, where the client checks every address again.
func CheckURL(raw string, allowPrivate bool) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %w", err)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return fmt.Errorf("the URL must start with https:// (got %q)", u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("the URL has no host")
	}
	if allowPrivate {
		return nil
	}
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "metadata.google.internal" {
		return fmt.Errorf("%s: %w", host, ErrBlocked)
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil && Blocked(ip) {
		return fmt.Errorf("%s: %w", host, ErrBlocked)
	}
	return nil
}
