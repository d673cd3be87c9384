package scheduler

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/relais/relais/store"
)

// runner is the River client that works jobs.
type runner interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// newPostgresClients builds, on PostgreSQL, two River clients on one
// queue: an insert-only one on database/sql, so that jobs are inserted in
// gorm's transactions (and announced by NOTIFY at commit), and one on
// River's pgx driver that works the jobs, woken by LISTEN/NOTIFY: any
// replica, leader or not, starts a runnable job within one fetch of its
// commit. The pgx pool gets the store's River budget.
func (s *Scheduler) newPostgresClients(cfg *river.Config) error {
	pc, err := pgxpool.ParseConfig(s.cfg.Store.PostgresURL())
	if err != nil {
		return fmt.Errorf("cannot read the PostgreSQL URL for the job queue: %w", err)
	}
	pc.MaxConns = int32(max(2, s.cfg.Store.Budget().River))
	pool, err := pgxpool.NewWithConfig(context.Background(), pc)
	if err != nil {
		return fmt.Errorf("cannot open the job queue's connections: %w", err)
	}
	work, err := river.NewClient[pgx.Tx](riverpgxv5.New(pool), cfg)
	if err != nil {
		pool.Close()
		return fmt.Errorf("cannot create River client: %w", err)
	}
	insert, err := river.NewClient(riverdatabasesql.New(s.cfg.Store.DB()), &river.Config{
		Workers: cfg.Workers, Logger: cfg.Logger, ID: cfg.ID + "-insert"})
	if err != nil {
		pool.Close()
		return fmt.Errorf("cannot create River client: %w", err)
	}
	s.client, s.runner, s.pool = insert, work, pool
	return nil
}

// isPostgres reports whether st is on PostgreSQL.
func isPostgres(st *store.Store) bool { return st.Dialect() == store.DialectPostgres }
