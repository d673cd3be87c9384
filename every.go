package relais

import (
	"context"
	"time"
)

// Every calls f every period (the first time one period from now) until
// ctx ends: the loop of the in-process background tasks (audit writer,
// job rescuer, click counter).
func Every(ctx context.Context, period time.Duration, f func()) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f()
		}
	}
}
