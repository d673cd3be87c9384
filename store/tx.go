package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/relais/relais"
)

// Tx is an open transaction. Its methods run inside it; SQL exposes it to
// River so that jobs are inserted atomically with the rows they act on.
type Tx struct {
	db    *gorm.DB
	store *Store
	ctx   context.Context
	after []func()
	moves map[int64][]string // post state changes not audited yet (MovePost)
}

// SQL returns the database/sql transaction under the gorm one.
func (tx *Tx) SQL() *sql.Tx {
	if t, ok := tx.db.Statement.ConnPool.(*sql.Tx); ok {
		return t
	}
	panic("store: gorm transaction is not a *sql.Tx") // see gorm#6562
}

// Context returns the transaction's context.
func (tx *Tx) Context() context.Context { return tx.ctx }

// Now returns the store clock's time.
func (tx *Tx) Now() time.Time { return tx.store.now() }

// Location returns the campaign's time zone (Store.Location).
func (tx *Tx) Location() *time.Location { return tx.store.loc }

// AfterCommit registers fn to run once the transaction has committed (for
// live events, which must never announce what was rolled back).
func (tx *Tx) AfterCommit(fn func()) { tx.after = append(tx.after, fn) }

// Update runs fn in a read-write transaction and commits if it returns nil.
func (s *Store) Update(ctx context.Context, fn func(tx *Tx) error) error {
	var t *Tx
	err := s.db.WithContext(ctx).Transaction(func(g *gorm.DB) error {
		t = &Tx{db: g, store: s, ctx: ctx}
		if err := fn(t); err != nil {
			return err
		}
		return t.unaudited()
	})
	if err != nil {
		return err
	}
	for _, f := range t.after {
		f()
	}
	return nil
}

// View runs fn in a transaction that is rolled back at the end.
func (s *Store) View(ctx context.Context, fn func(tx *Tx) error) error {
	errRollback := errors.New("rollback")
	err := s.db.WithContext(ctx).Transaction(func(g *gorm.DB) error {
		if err := fn(&Tx{db: g, store: s, ctx: ctx}); err != nil {
			return err
		}
		return errRollback
	})
	if errors.Is(err, errRollback) {
		return nil
	}
	return err
}

// notFound turns gorm's not-found error into a coded one.
func notFound(err error, what string, id any) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return relais.Errorf(relais.ENOTFOUND, "%s %v not found.", what, id)
	} else if err != nil {
		return fmt.Errorf("cannot load %s %v: %w", what, id, err)
	}
	return nil
}
