package store

import (
	"context"
	"fmt"
	"time"
)

// LiveRecord is a live event kept for catch-up: its cluster-wide sequence
// number, the replica that published it and its JSON.
type LiveRecord struct {
	Seq     int64
	Origin  string
	Payload []byte
}

// AppendLive stores live events (in order, numbered by the database) and
// announces the last number on channel (NOTIFY, sent at commit), in one
// transaction that does not wait for the disk (synchronous_commit off: a
// live event lost to a database crash is not worth a flush per event).
// PostgreSQL only.
func (s *Store) AppendLive(ctx context.Context, channel, origin string, payloads [][]byte) (int64, error) {
	tx, err := s.sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("cannot store live events: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SET LOCAL synchronous_commit TO off`); err != nil {
		return 0, fmt.Errorf("cannot store live events: %w", err)
	}
	texts := make([]string, len(payloads))
	for i, p := range payloads {
		texts[i] = string(p)
	}
	var seq int64
	err = tx.QueryRowContext(ctx, `WITH e AS (INSERT INTO live_events (at, origin, payload)
		SELECT now(), $1, p FROM unnest($2::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n RETURNING seq)
		SELECT max(seq), pg_notify($3, max(seq)::text) FROM e`, origin, texts, channel).Scan(&seq, new(any))
	if err != nil {
		return 0, fmt.Errorf("cannot store live events: %w", err)
	}
	return seq, tx.Commit()
}

// LiveAfter returns up to limit live events numbered after seq, in order.
func (s *Store) LiveAfter(ctx context.Context, seq int64, limit int) ([]LiveRecord, error) {
	rows, err := s.sqlDB.QueryContext(ctx, `SELECT seq, origin, payload FROM live_events WHERE seq > $1 ORDER BY seq LIMIT $2`, seq, limit)
	if err != nil {
		return nil, fmt.Errorf("cannot read live events: %w", err)
	}
	defer rows.Close()
	var out []LiveRecord
	for rows.Next() {
		var r LiveRecord
		var p string
		if err := rows.Scan(&r.Seq, &r.Origin, &p); err != nil {
			return nil, err
		}
		r.Payload = []byte(p)
		out = append(out, r)
	}
	return out, rows.Err()
}

// LastLiveSeq returns the newest live event's number (0 if none).
func (s *Store) LastLiveSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := s.sqlDB.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM live_events`).Scan(&seq)
	return seq, err
}

// LiveDomain names the numbering of live events: the same on every
// replica of one database, different for another database.
func (s *Store) LiveDomain(ctx context.Context) (string, error) {
	var name string
	var oid int64
	err := s.sqlDB.QueryRowContext(ctx, `SELECT datname, oid FROM pg_database WHERE datname = current_database()`).Scan(&name, &oid)
	return fmt.Sprintf("db-%d", oid), err
}

// PurgeLive deletes the live events older than keep.
func (s *Store) PurgeLive(ctx context.Context, keep time.Duration) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	_, err := s.sqlDB.ExecContext(ctx, `DELETE FROM live_events WHERE at < now() - make_interval(secs => $1)`, keep.Seconds())
	return err
}
