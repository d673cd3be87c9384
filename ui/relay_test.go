package ui

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// busRelay is an in-memory NOTIFY/LISTEN shared by hubs.
type busRelay struct {
	mu        sync.Mutex
	listeners []func([]byte)
}

func (b *busRelay) Notify(_ context.Context, _ string, p []byte) error {
	b.mu.Lock()
	ls := append([]func([]byte){}, b.listeners...)
	b.mu.Unlock()
	for _, l := range ls {
		l(p)
	}
	return nil
}

func (b *busRelay) Listen(ctx context.Context, _ string, fn func([]byte), _ func(error)) {
	b.mu.Lock()
	b.listeners = append(b.listeners, fn)
	b.mu.Unlock()
	<-ctx.Done()
}

// TestRelayBetweenReplicas: an event published on one hub reaches the
// other's tabs once, with its audience, and a hub ignores its own.
func TestRelayBetweenReplicas(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bus, log := &busRelay{}, slog.New(slog.NewTextHandler(io.Discard, nil))
	a, b := NewHub(), NewHub()
	waitA := a.Connect(ctx, bus, log)
	waitB := b.Connect(ctx, bus, log)
	defer func() { cancel(); waitA(); waitB() }()
	require.Eventually(t, func() bool { bus.mu.Lock(); defer bus.mu.Unlock(); return len(bus.listeners) == 2 }, time.Second, time.Millisecond)
	candidate := &relais.Member{ID: 1, Role: relais.RoleCandidate}
	editor := &relais.Member{ID: 2, Role: relais.RoleEditor}
	onA, candOnB, edOnB := a.Subscribe(candidate, 0), b.Subscribe(candidate, 0), b.Subscribe(editor, 0)

	a.Publish(relais.Event{Type: "approval.requested", PostID: 9, Audience: []relais.Role{relais.RoleCandidate}})
	e := candOnB.recv(t) // fails if the event did not cross replicas
	require.Equal(t, int64(9), e.PostID)
	require.Equal(t, int64(1), e.Seq, "numbered by the receiving replica")
	require.Equal(t, int64(9), (onA.recv(t)).PostID)
	time.Sleep(50 * time.Millisecond)
	require.Zero(t, onA.pending(), "a hub does not deliver its own relayed event twice")
	require.Zero(t, edOnB.pending(), "the audience crossed with the event")
}
