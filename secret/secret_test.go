package secret_test

import (
	"bytes"
	"testing"

	"github.com/relais/relais/secret"
	"github.com/stretchr/testify/require"
)

func mustKey(t *testing.T) []byte {
	t.Helper()
	k, err := secret.ParseKey(secret.NewKey())
	require.NoError(t, err)
	return k
}

func TestSealOpenAndRotation(t *testing.T) {
	t.Parallel()
	oldKey, newKey := mustKey(t), mustKey(t)
	oldBox, err := secret.NewBox(oldKey)
	require.NoError(t, err)
	aad := []byte("account:1")
	sealed := oldBox.Seal([]byte("access-token-123"), aad)
	require.False(t, bytes.Contains(sealed, []byte("access-token-123")), "plaintext must not appear")

	rotated, err := secret.NewBox(newKey, oldKey)
	require.NoError(t, err)
	pt, err := rotated.Open(sealed, aad)
	require.NoError(t, err)
	_, err = rotated.Open(sealed, []byte("account:2"))
	require.ErrorContains(t, err, "cannot decrypt", "a value moved to another row does not open")
	pt, err = rotated.Open(sealed, aad)
	require.NoError(t, err)
	require.Equal(t, "access-token-123", string(pt))
	require.False(t, rotated.IsCurrent(sealed))
	require.True(t, rotated.IsCurrent(rotated.Seal(pt, aad)))

	onlyNew, err := secret.NewBox(newKey)
	require.NoError(t, err)
	_, err = onlyNew.Open(sealed, aad)
	require.ErrorContains(t, err, "unknown key")

	sealed[len(sealed)-1] ^= 1
	_, err = rotated.Open(sealed, aad)
	require.ErrorContains(t, err, "cannot decrypt")
}

func TestParseKeyAndKeyFile(t *testing.T) {
	t.Parallel()
	_, err := secret.ParseKey("short")
	require.Error(t, err)
	dir := t.TempDir()
	k1, created, err := secret.LoadOrCreateKeyFile(dir)
	require.NoError(t, err)
	require.True(t, created)
	k2, created, err := secret.LoadOrCreateKeyFile(dir)
	require.NoError(t, err)
	require.False(t, created)
	require.Equal(t, k1, k2)
}
