package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReviewRetentionDoesNotOverflow: a retention written to mean "keep
// for ever" ("999999d") overflowed time.Duration into a negative or tiny
// period, which deletes every supporter at the next purge. Anything past
// a century is refused, and what is accepted is what was written.
func TestReviewRetentionDoesNotOverflow(t *testing.T) {
	for _, s := range []string{"999999d", "213505d", "4000mo", "1000000mo", "9223372036854775807d"} {
		d, err := ParseRetention(s)
		require.Error(t, err, "%s gave %v", s, d)
	}
	d, err := ParseRetention("1200mo")
	require.NoError(t, err)
	require.Equal(t, 1200*30*24*time.Hour, d)
	d, err = ParseRetention("36500d")
	require.NoError(t, err)
	require.Equal(t, 36500*24*time.Hour, d)
}
