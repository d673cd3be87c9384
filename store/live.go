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

// AppendLive stores a live event and announces its sequence number on
// channel (NOTIFY, sent at commit), in one statement. PostgreSQL only.
func (s *Store) AppendLive(ctx context.Context, channel, origin string, payload []byte) (int64, error) {
	var seq int64
	err := s.sqlDB.QueryRowContext(ctx, `WITH e AS (INSERT INTO live_events (at, origin, payload) VALUES (now(), $1, $2) RETURNING seq)
		SELECT seq FROM e, LATERAL (SELECT pg_notify($3, e.seq::text)) n`, origin, string(payload), channel).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("cannot store a live event: %w", err)
	}
	return seq, nil
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
