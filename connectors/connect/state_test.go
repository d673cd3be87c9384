package connect

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestStatesAreSingleUseSessionBoundAndExpire(t *testing.T) {
	s := NewStates(time.Minute)
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }

	st, err := s.Issue("session-a", map[string]string{"k": "v"})
	require.NoError(t, err)
	require.Len(t, st, 43, "256 random bits")
	other, _ := s.Issue("session-a", nil)
	require.NotEqual(t, st, other)

	_, ok := s.Take(st, "session-b")
	require.False(t, ok, "another session's state is refused")
	_, ok = s.Take(st, "session-a")
	require.False(t, ok, "and is burnt by the attempt")

	st, _ = s.Issue("session-a", nil)
	require.True(t, s.Set(st, map[string]string{"k": "v"}))
	require.False(t, s.Set("unknown", nil))
	got, ok := s.Take(st, "session-a")
	require.True(t, ok)
	require.Equal(t, map[string]string{"k": "v"}, got)
	_, ok = s.Take(st, "session-a")
	require.False(t, ok, "single use")

	st, _ = s.Issue("session-a", nil)
	now = now.Add(61 * time.Second)
	_, ok = s.Take(st, "session-a")
	require.False(t, ok, "expired")
	_, ok = s.Take("", "")
	require.False(t, ok)
}
