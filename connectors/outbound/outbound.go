// Package outbound builds the HTTP clients relais calls platforms and
// webhooks with, and checks the URLs users set for them.
//
// A guarded client refuses to connect to loopback, private, link-local
// (cloud metadata at 169.254.169.254 included), carrier-grade NAT,
// multicast and unspecified addresses. The check runs on the address
// actually dialled, after DNS resolution (a net.Dialer Control hook), so a
// name that resolves to a public address when saved and to a private one
// later (DNS rebinding) is still refused. RELAIS_ALLOW_PRIVATE_NETWORKS=true
// lifts it, for tests and the demo, whose fakes listen on 127.0.0.1.
//
// Every client this package returns also stops net/http from replaying a
// publishing request by itself (see NoReplay).
package outbound

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// EnvAllowPrivate is the environment variable that, set to "true", lets
// relais call private and loopback addresses.
const EnvAllowPrivate = "RELAIS_ALLOW_PRIVATE_NETWORKS"

// ErrBlocked is wrapped by every refusal to reach a non-public address.
var ErrBlocked = errors.New("address not allowed (loopback, private, link-local or metadata); set " + EnvAllowPrivate + "=true to allow it")

// blockedPrefixes are the ranges no platform or webhook lives in.
var blockedPrefixes = mustPrefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
	"::/128", "::1/128", "64:ff9b:1::/48", "fc00::/7", "fe80::/10", "ff00::/8",
)

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// embeddingPrefixes are IPv6 ranges whose last 32 bits are an IPv4
// address the packet ends up at: NAT64's well-known prefix (a cloud's
// translator reaches its private ranges and metadata service through it)
// and the deprecated IPv4-compatible addresses.
var embeddingPrefixes = mustPrefixes("64:ff9b::/96", "::/96")

// Blocked reports whether ip is an address relais must not call without
// RELAIS_ALLOW_PRIVATE_NETWORKS (IPv4-mapped, IPv4-compatible and NAT64
// IPv6 addresses count as their IPv4 address).
func Blocked(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Is6() && (embeddingPrefixes[0].Contains(ip) || embeddingPrefixes[1].Contains(ip)) {
		b := ip.As16()
		return Blocked(netip.AddrFrom4([4]byte(b[12:]))) // "::" and "::1" are in 0.0.0.0/8
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// control is the net.Dialer Control hook: address is the resolved
// "ip:port" about to be connected.
func control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("outbound: unexpected dial address %q: %w", address, err)
	}
	if Blocked(ap.Addr()) {
		return fmt.Errorf("outbound: %s: %w", ap.Addr(), ErrBlocked)
	}
	return nil
}

// Options configures NewClient.
type Options struct {
	Timeout      time.Duration // per request; 30 s when zero
	AllowPrivate bool          // RELAIS_ALLOW_PRIVATE_NETWORKS
}

// NewClient returns an HTTP client whose connections are checked by
// Blocked (unless AllowPrivate) and which never replays a request with a
// body (NoReplay).
func NewClient(o Options) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		d.Control = control
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = d.DialContext
	t.Proxy = nil // a proxy would dial on our behalf, past the check
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	return &http.Client{Timeout: o.Timeout, Transport: noReplay{base: t}}
}
