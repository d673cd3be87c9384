// Package supporters runs the campaign's community of supporters: the
// import of contact files (streaming CSV, idempotent upsert keyed by the
// normalised address, consent recorded with its date, source and text),
// who may see which contacts, share kits by e-mail sent exactly once over
// reused SMTP connections with one-click unsubscribe (RFC 8058), and the
// person's rights: export, erasure leaving only a salted hash, retention.
//
// Every action checks its caller in this package (see access.go): the
// command line and jobs act as the operator (AsOperator).
package supporters

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Config holds the service's settings.
type Config struct {
	Districts Districts     // postcode -> district; Paris is built in
	Retention time.Duration // inactive contacts kept so long after the last round; default 6 months
	BaseURL   string        // public URL, for unsubscribe links
	MaxBytes  int64         // largest import file; default DefaultMaxBytes
}

// DefaultMaxBytes is the default import size limit (25,000 rows take
// about 3 MB; a campaign's whole file well under this).
const DefaultMaxBytes = 64 << 20

// DefaultRetention is six months.
const DefaultRetention = 183 * 24 * time.Hour

// Service runs the supporters' features.
type Service struct {
	store *store.Store
	cfg   Config

	mu   sync.Mutex
	salt string
}

// New returns a supporters service.
func New(st *store.Store, cfg Config) *Service {
	if cfg.MaxBytes == 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Retention == 0 {
		cfg.Retention = DefaultRetention
	}
	return &Service{store: st, cfg: cfg}
}

// Store returns the service's store.
func (s *Service) Store() *store.Store { return s.store }

// hasher returns the function hashing a normalised address for the
// suppression list, salted per installation.
func (s *Service) hasher(tx *store.Tx) (func(string) string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.salt == "" {
		salt, err := tx.SupporterSalt()
		if err != nil {
			return nil, err
		}
		s.salt = salt
	}
	salt := s.salt
	return func(email string) string {
		sum := sha256.Sum256([]byte(salt + "\x00" + email))
		return hex.EncodeToString(sum[:])
	}, nil
}

type operatorKey struct{}

// AsOperator marks ctx as the operator's (the command line, jobs): every
// action is allowed, and the audit log names the member of ctx if any
// (relais.SystemCLI for the command line), else "cli".
func AsOperator(ctx context.Context) context.Context {
	return context.WithValue(ctx, operatorKey{}, true)
}

func isOperator(ctx context.Context) bool { v, _ := ctx.Value(operatorKey{}).(bool); return v }

// actor names who acts, for the audit log.
func actor(ctx context.Context) (int64, string) {
	if m := relais.MemberFromContext(ctx); m.IsSystem() {
		return 0, relais.SystemCLI
	} else if m != nil {
		return m.ID, m.Email
	}
	return 0, "cli"
}
