package outbound

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReviewBlockedEmbeddedIPv4 (issue 11 item 11, second review): an IPv6
// address that carries an IPv4 one reaches that IPv4 address through the
// network's translator (NAT64's well-known prefix 64:ff9b::/96, which
// clouds route to their private IPv4 ranges, metadata included) or, for
// the deprecated IPv4-compatible form ::a.b.c.d, through old stacks. Such
// an address is blocked exactly when its IPv4 address is; no connection
// is made here (Blocked and CheckURL only).
func TestReviewBlockedEmbeddedIPv4(t *testing.T) {
	for ip, want := range map[string]bool{
		"64:ff9b::a9fe:a9fe": true, "64:ff9b::169.254.169.254": true, "64:ff9b::10.0.0.5": true,
		"64:ff9b::7f00:1": true, "64:ff9b::c0a8:101": true, "::7f00:1": true, "::a9fe:a9fe": true,
		"64:ff9b::808:808": false,
	} {
		require.Equal(t, want, Blocked(netip.MustParseAddr(ip)), ip)
	}
	for _, raw := range []string{"http://[64:ff9b::a9fe:a9fe]/latest/meta-data", "https://[::7f00:1]:8443/hook",
		"https://[64:ff9b::10.1.2.3]/hook"} {
		require.True(t, errors.Is(CheckURL(raw, false), ErrBlocked), raw)
	}
}
