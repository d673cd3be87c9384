package relaying

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	connbluesky "github.com/relais/relais/connectors/bluesky"
)

// TestReviewBlueskyDefaultPDS: a Bluesky account connected without a
// server of its own (a bsky.social account) is read and reposted at
// bsky.social's entryway, as publishing does, when the service names no
// PDS (the server's wiring names none).
func TestReviewBlueskyDefaultPDS(t *testing.T) {
	s := &Service{}
	require.Equal(t, connbluesky.DefaultBaseURL, s.pds(&relais.Account{Platform: relais.PlatformBluesky, Handle: "col.bsky.social"}))
	require.Equal(t, "https://pds.example", s.pds(&relais.Account{Platform: relais.PlatformBluesky, BaseURL: "https://pds.example/"}))
	s.BlueskyPDS = "http://127.0.0.1:1"
	require.Equal(t, "http://127.0.0.1:1", s.pds(&relais.Account{Platform: relais.PlatformBluesky}))
}
