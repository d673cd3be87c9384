package ui

import (
	"testing"
	"time"

	"github.com/relais/relais"
)

// recv waits (up to 2 s) for s's next event.
func (s *subscriber) recv(t testing.TB) relais.Event {
	t.Helper()
	deadline := time.After(2 * time.Second)
	for {
		s.mu.Lock()
		if len(s.queue) > 0 {
			e := s.queue[0]
			s.queue = s.queue[1:]
			s.mu.Unlock()
			return e.Event
		}
		s.mu.Unlock()
		select {
		case <-s.wake:
		case <-deadline:
			t.Fatal("no event within 2 s")
		}
	}
}

// pending returns how many events wait in s.
func (s *subscriber) pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// TestSubscriberQueueIsLazyAndEventsEncodedOnce: a new or drained tab
// holds no queue (the old hub gave each a 256-event channel up front), and
// one event reaches every tab as one shared encoding.
func TestSubscriberQueueIsLazyAndEventsEncodedOnce(t *testing.T) {
	h := NewHub()
	a, b := h.Subscribe(&relais.Member{ID: 1, Role: relais.RoleEditor}, 0), h.Subscribe(&relais.Member{ID: 2, Role: relais.RoleAdmin}, 0)
	if cap(a.queue) != 0 {
		t.Fatalf("a new subscriber holds a queue of %d", cap(a.queue))
	}
	h.Publish(relais.Event{Type: relais.EventPostUpdated, PostID: 4})
	ea, _ := a.take()
	eb, _ := b.take()
	if len(ea) != 1 || len(eb) != 1 || ea[0] != eb[0] {
		t.Fatalf("tabs got %v and %v, want one shared event", ea, eb)
	}
	pa, err := ea[0].prepared()
	pb, _ := eb[0].prepared()
	if err != nil || pa == nil || pa != pb {
		t.Fatalf("the event was not encoded once: %p %p %v", pa, pb, err)
	}
	if a.pending() != 0 || a.queue != nil {
		t.Fatal("a drained subscriber keeps its queue")
	}
}
