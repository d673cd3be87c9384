package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

type loginFailureRow struct {
	ID    int64 `gorm:"primaryKey"`
	Scope string
	At    time.Time
}

func (loginFailureRow) TableName() string { return "login_failures" }

// loginScope is how a limiter key is stored: hashed, so that the table
// holds no e-mail or address in clear.
func loginScope(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// TakeLoginAttempt counts an attempt for key if fewer than max were
// counted within period, atomically across replicas (a lock per key on
// PostgreSQL; SQLite transactions are exclusive), and reports whether it
// was.
func (s *Store) TakeLoginAttempt(ctx context.Context, key string, max int, period time.Duration) (bool, error) {
	scope, ok := loginScope(key), false
	err := s.Update(ctx, func(tx *Tx) error {
		if s.dialect == DialectPostgres {
			if err := tx.db.Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 727002))`, scope).Error; err != nil {
				return err
			}
		}
		var n int64
		now := tx.Now()
		if err := tx.db.Model(&loginFailureRow{}).Where("scope = ? AND at > ?", scope, now.Add(-period)).Count(&n).Error; err != nil {
			return err
		}
		if ok = n < int64(max); !ok {
			return nil
		}
		return tx.db.Create(&loginFailureRow{Scope: scope, At: now}).Error
	})
	return ok, err
}

// RefundLoginAttempt forgets the last attempt counted for key.
func (s *Store) RefundLoginAttempt(ctx context.Context, key string) error {
	return s.db.WithContext(ctx).Exec(`DELETE FROM login_failures WHERE id = (SELECT MAX(id) FROM login_failures WHERE scope = ?)`,
		loginScope(key)).Error
}

// ResetLoginAttempts forgets key's attempts.
func (s *Store) ResetLoginAttempts(ctx context.Context, key string) error {
	return s.db.WithContext(ctx).Where("scope = ?", loginScope(key)).Delete(&loginFailureRow{}).Error
}

// PurgeLoginAttempts deletes the attempts older than period.
func (s *Store) PurgeLoginAttempts(ctx context.Context, period time.Duration) error {
	return s.db.WithContext(ctx).Where("at < ?", s.now().Add(-period)).Delete(&loginFailureRow{}).Error
}

// CountLoginAttempts returns how many attempts were counted for key within
// period.
func (s *Store) CountLoginAttempts(ctx context.Context, key string, period time.Duration) (int, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&loginFailureRow{}).Where("scope = ? AND at > ?", loginScope(key), s.now().Add(-period)).Count(&n).Error
	return int(n), err
}
