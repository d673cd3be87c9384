package sandbox_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/sandbox"
)

// TestJournalIsIdempotentAndDurable publishes twice with one key, reopens
// the journal and finds the post by key, like a restarted relais would.
func TestJournalIsIdempotentAndDurable(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sandbox.jsonl")
	c, err := sandbox.New(path, "http://relais.test")
	require.NoError(t, err)
	require.True(t, connectors.HonoursKey(c))
	a := relais.Account{ID: 3, Handle: "avecanne"}
	ctx := context.Background()
	r1, err := c.Publish(ctx, a, connectors.Draft{Text: "Bonjour Paris"}, "k1")
	require.NoError(t, err)
	r2, err := c.Publish(ctx, a, connectors.Draft{Text: "Bonjour Paris"}, "k1")
	require.NoError(t, err)
	require.Equal(t, r1, r2, "same key, same receipt")
	require.Equal(t, "http://relais.test/sandbox/1", r1.URL)

	reopened, err := sandbox.New(path, "http://relais.test")
	require.NoError(t, err)
	got, found, err := reopened.Lookup(ctx, a, "k1")
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, r1, got)
	_, found, err = reopened.Lookup(ctx, a, "k2")
	require.NoError(t, err)
	require.False(t, found)
	require.Len(t, reopened.Entries(), 1)
}

func TestValidate(t *testing.T) {
	t.Parallel()
	c, err := sandbox.New("", "")
	require.NoError(t, err)
	require.Empty(t, c.Validate(connectors.Draft{Text: "ok"}))
	require.Equal(t, "empty", c.Validate(connectors.Draft{})[0].Code)
	require.Equal(t, "too_long", c.Validate(connectors.Draft{Text: strings.Repeat("é", sandbox.MaxChars+1)})[0].Code)
}
