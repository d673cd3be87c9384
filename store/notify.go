package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Notify sends payload on a PostgreSQL notification channel, to every
// replica listening. On SQLite (one process) it does nothing.
func (s *Store) Notify(ctx context.Context, channel string, payload []byte) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	_, err := s.sqlDB.ExecContext(ctx, `SELECT pg_notify($1, $2)`, channel, string(payload))
	return err
}

// Listen calls fn with every notification on channel until ctx ends,
// reconnecting after errors, which it reports to onErr. Once listening
// (and again after every reconnection) it calls fn(nil), so that a caller
// can catch up on what was sent while it was not. On SQLite it returns at
// once.
func (s *Store) Listen(ctx context.Context, channel string, fn func(payload []byte), onErr func(error)) {
	if s.dialect != DialectPostgres {
		return
	}
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, channel, fn)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			onErr(err) // the connection dropped: wait, then listen again
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, channel string, fn func(payload []byte)) error {
	conn, err := pgx.Connect(ctx, s.url)
	if err != nil {
		return fmt.Errorf("cannot connect to listen: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return fmt.Errorf("cannot listen on %s: %w", channel, err)
	}
	fn(nil)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		}
		fn([]byte(n.Payload))
	}
}
