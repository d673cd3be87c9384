// Package store persists relais's data: members, sessions, accounts (with
// encrypted credentials), posts, approvals, deliveries, suggestions and the
// audit log. It is the only package that imports gorm. The embedded SQLite
// database (pure Go, modernc) is the default; a PostgreSQL URL scales out.
// Exported methods of Store own their transaction; Tx groups queries so that
// callers can add River jobs to the same transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/libtnb/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/relais/relais"
	"github.com/relais/relais/secret"
)

// Dialects.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// Config says where the data lives.
type Config struct {
	DataDir     string      // SQLite file directory, when DatabaseURL is empty
	DatabaseURL string      // postgres://... to use PostgreSQL
	Box         *secret.Box // encrypts account credentials at rest
	// MaxConns is this process's PostgreSQL connection budget (all pools
	// together, RELAIS_DB_MAX_CONNS); 0 means DefaultMaxConns. See Budget.
	MaxConns int
	// Location is the campaign's time zone (RELAIS_TIMEZONE), which its
	// days, weeks and wall-clock times are in; nil means
	// relais.DefaultLocation.
	Location *time.Location
}

// Store is the database.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	dialect string
	url     string // the PostgreSQL URL, for LISTEN connections
	budget  Budget // PostgreSQL connections by use
	box     *secret.Box
	now     func() time.Time
	loc     *time.Location
}

// Open connects to the database the config names. It does not migrate.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	s := &Store{box: cfg.Box, now: func() time.Time { return time.Now().UTC() }, loc: cfg.Location}
	if s.loc == nil {
		s.loc = relais.DefaultLocation()
	}
	if s.box == nil {
		return nil, errors.New("store: a secret box is required")
	}
	var dial gorm.Dialector
	var err error
	if strings.HasPrefix(cfg.DatabaseURL, "postgres://") || strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		s.dialect, s.url = DialectPostgres, cfg.DatabaseURL
		if s.sqlDB, err = sql.Open("pgx", cfg.DatabaseURL); err != nil {
			return nil, fmt.Errorf("store: cannot open PostgreSQL: %w", err)
		}
		if s.budget, err = NewBudget(cfg.MaxConns); err != nil {
			return nil, err
		}
		s.sqlDB.SetMaxOpenConns(s.budget.SQL)
		dial = postgres.New(postgres.Config{Conn: s.sqlDB})
	} else if cfg.DatabaseURL != "" {
		return nil, fmt.Errorf("store: RELAIS_DATABASE_URL must start with postgres:// (got a %q URL)", scheme(cfg.DatabaseURL))
	} else {
		s.dialect = DialectSQLite
		if s.sqlDB, err = openSQLite(cfg.DataDir); err != nil {
			return nil, err
		}
		dial = sqlite.New(sqlite.Config{Conn: s.sqlDB})
	}
	s.db, err = gorm.Open(dial, &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true,
		NowFunc: func() time.Time { return s.now() }}) // follows SetNow
	if err != nil {
		s.sqlDB.Close()
		return nil, fmt.Errorf("store: cannot open database: %w", err)
	}
	if err := s.sqlDB.PingContext(ctx); err != nil {
		s.sqlDB.Close()
		return nil, fmt.Errorf("store: database unreachable: %w", err)
	}
	return s, nil
}

func openSQLite(dir string) (*sql.DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: cannot create data directory: %w", err)
	}
	dsn := "file:" + filepath.Join(dir, "relais.db") +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: cannot open SQLite: %w", err)
	}
	// One connection: SQLite allows one writer, and River shares this pool.
	db.SetMaxOpenConns(1)
	return db, nil
}

func scheme(u string) string {
	if i := strings.Index(u, "://"); i > 0 {
		return u[:i]
	}
	return "non-URL"
}

// DB returns the underlying pool, shared with River.
func (s *Store) DB() *sql.DB { return s.sqlDB }

// Dialect returns DialectSQLite or DialectPostgres.
func (s *Store) Dialect() string { return s.dialect }

// SetNow replaces the clock, for tests.
func (s *Store) SetNow(now func() time.Time) { s.now = now }

// Location returns the campaign's time zone: every service that reads
// days, weeks or wall-clock times of the campaign reads them in it.
func (s *Store) Location() *time.Location { return s.loc }

// Now returns the store's current time in UTC.
func (s *Store) Now() time.Time { return s.now() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.sqlDB.PingContext(ctx) }

// Close closes the database.
func (s *Store) Close() error { return s.sqlDB.Close() }
