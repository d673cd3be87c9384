package store

import (
	"context"
	"fmt"
)

// DefaultMaxConns is a replica's PostgreSQL connection budget when
// RELAIS_DB_MAX_CONNS is not set: five replicas fit in PostgreSQL's default
// max_connections (100) with room for administration.
const DefaultMaxConns = 16

// MinMaxConns is the smallest budget relais runs with.
const MinMaxConns = 6

// Budget splits a replica's PostgreSQL connections between their uses
// (docs/REPLICAS.md, "Connections per replica").
type Budget struct {
	Total  int // RELAIS_DB_MAX_CONNS
	SQL    int // the database/sql pool: requests, job bodies, inserts of jobs
	River  int // River's pgx pool: fetching and completing jobs, leadership, its LISTEN
	Listen int // the live-event LISTEN connection
}

// NewBudget splits total (0: DefaultMaxConns) connections.
func NewBudget(total int) (Budget, error) {
	if total == 0 {
		total = DefaultMaxConns
	}
	if total < MinMaxConns {
		return Budget{}, fmt.Errorf("RELAIS_DB_MAX_CONNS must be at least %d (got %d)", MinMaxConns, total)
	}
	river := max(3, total/4)
	return Budget{Total: total, SQL: total - river - 1, River: river, Listen: 1}, nil
}

// Budget returns the PostgreSQL connection budget (zero on SQLite).
func (s *Store) Budget() Budget { return s.budget }

// PostgresURL returns the PostgreSQL URL ("" on SQLite), for the pools and
// LISTEN connections of other packages.
func (s *Store) PostgresURL() string { return s.url }

// CheckConnections fails with a clear message when PostgreSQL has fewer
// free connections than this replica's budget (max_connections minus
// those reserved for superusers and those open now). It does nothing on
// SQLite.
func (s *Store) CheckConnections(ctx context.Context) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	var maxConns, reserved, used int
	err := s.sqlDB.QueryRowContext(ctx, `SELECT current_setting('max_connections')::int,
		current_setting('superuser_reserved_connections')::int, (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')`).Scan(&maxConns, &reserved, &used)
	if err != nil {
		return fmt.Errorf("cannot read PostgreSQL's connection limits: %w", err)
	}
	free := maxConns - reserved - used + s.sqlDB.Stats().OpenConnections // ours count in our budget
	if free < s.budget.Total {
		return fmt.Errorf("PostgreSQL has %d free connections (max_connections %d, %d reserved, %d open) but this replica needs up to %d "+
			"(RELAIS_DB_MAX_CONNS): lower RELAIS_DB_MAX_CONNS, run fewer replicas or raise max_connections", free, maxConns, reserved, used, s.budget.Total)
	}
	return nil
}

// migrationLockKey serialises replicas migrating the same database.
const migrationLockKey = 727003

// WithMigrationLock runs fn while holding a PostgreSQL advisory lock, so
// that replicas started together migrate one after the other (the next
// finds nothing left to do). On SQLite it just runs fn.
func (s *Store) WithMigrationLock(ctx context.Context, fn func() error) error {
	if s.dialect != DialectPostgres {
		return fn()
	}
	conn, err := s.sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("cannot lock migrations: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockKey); err != nil {
		return fmt.Errorf("cannot lock migrations: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLockKey)
	return fn()
}
