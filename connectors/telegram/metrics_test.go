package telegram_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/telegram"
)

// TestMetricsNotAvailable checks that the Telegram connector answers "not
// available" with its reason and reads no counts (which would be zeros).
func TestMetricsNotAvailable(t *testing.T) {
	var c connectors.Connector = telegram.New(nil, "")
	_, reads := c.(connectors.MetricsReader)
	require.False(t, reads, "the Bot API gives no counts: reading them would invent zeros")
	u, ok := c.(connectors.MetricsUnavailable)
	require.True(t, ok)
	require.Contains(t, u.MetricsUnavailable(), "Bot API")
}
