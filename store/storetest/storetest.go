// Package storetest opens real databases for tests: a fresh SQLite file in a
// temporary directory, or a fresh PostgreSQL database created on the server
// named by RELAIS_TEST_POSTGRES_URL (default: the local server with trust
// auth) and dropped when the test ends. Under CI=true an unreachable
// PostgreSQL fails the test instead of skipping it.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver for the admin connection

	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
)

// Dialects lists the databases every store-backed test runs on.
var Dialects = []string{store.DialectSQLite, store.DialectPostgres}

// AdminURL returns the PostgreSQL server URL used to create test databases.
func AdminURL() string {
	if u := os.Getenv("RELAIS_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// Config returns a store config for dialect: a temp dir for SQLite, a new
// database for PostgreSQL. It skips (or fails under CI) when PostgreSQL is
// unreachable.
func Config(t testing.TB, dialect string) store.Config {
	t.Helper()
	key, err := secret.ParseKey(secret.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	box, err := secret.NewBox(key)
	if err != nil {
		t.Fatal(err)
	}
	cfg := store.Config{DataDir: t.TempDir(), Box: box}
	if dialect == store.DialectPostgres {
		cfg.DatabaseURL = NewPostgresDB(t)
	}
	return cfg
}

// NewPostgresDB creates an empty database, drops it at cleanup, and returns
// its URL.
func NewPostgresDB(t testing.TB) string {
	t.Helper()
	admin, err := sql.Open("pgx", AdminURL())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable under CI: %v", err)
		}
		t.Skipf("PostgreSQL unreachable, skipping: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "relais_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("cannot create test database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Open returns a migrated store on dialect, closed at cleanup.
func Open(t testing.TB, dialect string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), Config(t, dialect))
	if err != nil {
		t.Fatalf("open %s store: %v", dialect, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s store: %v", dialect, err)
	}
	return s
}

// Each runs fn as a parallel subtest per dialect.
func Each(t *testing.T, fn func(t *testing.T, dialect string)) {
	for _, d := range Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			fn(t, d)
		})
	}
}

// Must fails the test on err.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(fmt.Errorf("unexpected error: %w", err))
	}
}
