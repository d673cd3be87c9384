package store

import (
	"time"

	"github.com/relais/relais"
)

// auditFields are the columns of an entry before it is chained.
type auditFields struct {
	At          time.Time
	ActorID     int64
	Actor       string
	Action      string
	PostID      int64
	ContentHash string
	Detail      string
	Transition  string
}

type auditRow struct {
	ID       int64       `gorm:"primaryKey"`
	Fields   auditFields `gorm:"embedded"`
	PrevHash string
	Hash     string
}

func (auditRow) TableName() string { return "audit_log" }

// fieldsOf returns e's columns before chaining.
func fieldsOf(e *relais.AuditEntry) auditFields {
	return auditFields{At: e.At, ActorID: e.ActorID, Actor: e.Actor, Action: e.Action, PostID: e.PostID,
		ContentHash: e.ContentHash, Detail: e.Detail, Transition: e.Transition}
}

// after returns the entry of f chained after prev (without its hash).
func (f auditFields) after(prev string) relais.AuditEntry {
	return relais.AuditEntry{At: f.At.UTC(), ActorID: f.ActorID, Actor: f.Actor, Action: f.Action, PostID: f.PostID,
		ContentHash: f.ContentHash, Detail: f.Detail, Transition: f.Transition, PrevHash: prev}
}

func (r auditRow) entry() relais.AuditEntry {
	e := r.Fields.after(r.PrevHash)
	e.ID, e.Hash = r.ID, r.Hash
	return e
}

// lastAuditHash returns the hash of the chain's last entry, or the genesis.
func (tx *Tx) lastAuditHash() (string, error) {
	var last auditRow
	if err := tx.db.Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return "", err
	} else if last.ID == 0 {
		return relais.AuditGenesis, nil
	}
	return last.Hash, nil
}

// AppendAudit adds e to the audit log. On SQLite (one writer at a time)
// it is chained to the last entry at once. On PostgreSQL it is inserted,
// without any lock, into audit_pending, from which FlushAudit chains
// entries into audit_log in batches, one flusher at a time (see
// docs/REPLICAS.md, "Audit chain"): appending never waits for other
// replicas.
//
// An entry for a post carries the post's state changes made in tx since
// its last entry (MovePost), in Transition.
func (tx *Tx) AppendAudit(e *relais.AuditEntry) error {
	e.At = tx.Now().Truncate(time.Microsecond)
	tx.attachMoves(e)
	if tx.store.dialect == DialectPostgres {
		r := auditPendingRow{Fields: fieldsOf(e)}
		return tx.db.Create(&r).Error
	}
	prev, err := tx.lastAuditHash()
	if err != nil {
		return err
	}
	e.PrevHash = prev
	e.Hash = e.ComputeHash()
	r := auditRow{Fields: fieldsOf(e), PrevHash: e.PrevHash, Hash: e.Hash}
	if err := tx.db.Create(&r).Error; err != nil {
		return err
	}
	e.ID = r.ID
	return nil
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	PostID   int64
	From, To *time.Time
	AfterID  int64
	Limit    int
	Newest   bool // newest first
}

// Audit returns entries in chain order. On PostgreSQL it first chains the
// pending entries (committed ones), so that readers see every entry.
func (tx *Tx) Audit(f AuditFilter) ([]relais.AuditEntry, error) {
	tx.store.flushBeforeRead(tx.ctx)
	q := tx.db.Model(&auditRow{}).Where("id > ?", f.AfterID)
	if f.PostID != 0 {
		q = q.Where("post_id = ?", f.PostID)
	}
	if f.From != nil {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("at < ?", f.To.UTC())
	}
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	order := "id"
	if f.Newest {
		order = "id DESC"
	}
	var rows []auditRow
	if err := q.Order(order).Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]relais.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = r.entry()
	}
	return out, nil
}

// VerifyAudit walks the whole chain. It returns the number of entries
// checked and, if the chain is broken, the ID of the first bad entry.
func (tx *Tx) VerifyAudit() (checked int, badID int64, err error) {
	prev := relais.AuditGenesis
	var after int64
	for {
		batch, err := tx.Audit(AuditFilter{AfterID: after, Limit: 1000})
		if err != nil {
			return checked, 0, err
		}
		for _, e := range batch {
			if e.PrevHash != prev || e.ComputeHash() != e.Hash {
				return checked, e.ID, nil
			}
			prev, after = e.Hash, e.ID
			checked++
		}
		if len(batch) < 1000 {
			return checked, 0, nil
		}
	}
}
