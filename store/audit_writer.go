package store

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"gorm.io/gorm"

	"github.com/relais/relais"
)

// auditLockKey is the advisory lock held by the one transaction chaining
// pending audit entries at a time (never by appenders).
const auditLockKey = 727001

// auditFlushBatch bounds the entries one flush chains.
const auditFlushBatch = 5000

type auditPendingRow struct {
	ID     int64       `gorm:"primaryKey"`
	Fields auditFields `gorm:"embedded"`
}

func (auditPendingRow) TableName() string { return "audit_pending" }

// FlushAudit chains the committed pending audit entries into audit_log, in
// the order they were appended, and returns how many it chained. One
// flusher runs at a time across the cluster (an advisory lock); it does
// nothing on SQLite, where entries are chained as they are appended.
func (s *Store) FlushAudit(ctx context.Context) (int, error) {
	if s.dialect != DialectPostgres {
		return 0, nil
	}
	total := 0
	for {
		var n int
		err := s.Update(ctx, func(tx *Tx) (err error) {
			if err := tx.db.Exec(`SELECT pg_advisory_xact_lock(?)`, auditLockKey).Error; err != nil {
				return fmt.Errorf("cannot lock the audit chain: %w", err)
			}
			n, err = tx.chainPending()
			return err
		})
		total += n
		if err != nil || n < auditFlushBatch {
			return total, err
		}
	}
}

// chainPending moves up to auditFlushBatch pending entries into the chain.
func (tx *Tx) chainPending() (int, error) {
	var pending []auditPendingRow
	err := tx.db.Raw(`DELETE FROM audit_pending WHERE id IN (SELECT id FROM audit_pending ORDER BY id LIMIT ?)
		RETURNING id, at, actor_id, actor, action, post_id, content_hash, detail, transition`, auditFlushBatch).Scan(&pending).Error
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	sort.Slice(pending, func(i, j int) bool { return pending[i].ID < pending[j].ID })
	prev, err := tx.lastAuditHash()
	if err != nil {
		return 0, err
	}
	rows := make([]auditRow, len(pending))
	for i, p := range pending {
		e := p.Fields.after(prev)
		e.Hash = e.ComputeHash()
		rows[i] = auditRow{Fields: fieldsOf(&e), PrevHash: e.PrevHash, Hash: e.Hash}
		prev = e.Hash
	}
	return len(rows), tx.db.Session(&gorm.Session{CreateBatchSize: 500}).Create(&rows).Error
}

// flushBeforeRead chains pending entries before a read, on a connection of
// its own, waiting at most two seconds (the read then shows the chain as it
// is).
func (s *Store) flushBeforeRead(ctx context.Context) {
	if s.dialect != DialectPostgres {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	_, _ = s.FlushAudit(ctx)
}

// RunAuditWriter chains pending audit entries every interval until ctx
// ends (PostgreSQL; it returns at once on SQLite). Every replica runs it;
// the advisory lock lets one flush at a time.
func (s *Store) RunAuditWriter(ctx context.Context, every time.Duration, log *slog.Logger) {
	if s.dialect != DialectPostgres {
		return
	}
	relais.Every(ctx, every, func() {
		if _, err := s.FlushAudit(ctx); err != nil && ctx.Err() == nil {
			log.Warn("cannot chain audit entries", slog.Any("error", err))
		}
	})
}
