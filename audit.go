package relais

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// AuditEntry is one append-only, hash-chained record of who did what.
type AuditEntry struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	ActorID     int64     `json:"actor_id"`
	Actor       string    `json:"actor"`
	Action      string    `json:"action"`
	PostID      int64     `json:"post_id,omitempty"`
	ContentHash string    `json:"content_hash,omitempty"`
	Detail      string    `json:"detail,omitempty"`
	// Transition records the state changes of the post this entry
	// audits, made in its transaction: "event:from>to", comma-separated
	// (see PostLifecycle). Empty for entries that change no state.
	Transition string `json:"transition,omitempty"`
	PrevHash   string `json:"prev_hash"`
	Hash       string `json:"hash"`
}

// AuditGenesis is the previous hash of the first entry.
const AuditGenesis = "0000000000000000000000000000000000000000000000000000000000000000"

// ComputeHash returns the hash chaining e to its predecessor: SHA-256 over
// the previous hash and every field but ID and Hash. Transition counts
// only when set, so entries written before it existed keep their hash.
func (e *AuditEntry) ComputeHash() string {
	fields := []string{e.PrevHash, e.At.UTC().Format(time.RFC3339Nano), strconv.FormatInt(e.ActorID, 10),
		e.Actor, e.Action, strconv.FormatInt(e.PostID, 10), e.ContentHash, e.Detail}
	if e.Transition != "" {
		fields = append(fields, e.Transition)
	}
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte(":"))
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Actor names a member for the audit log: "Name <email> (role)", or
// SystemCLI for the command line's operator.
func Actor(m *Member) string {
	if m == nil {
		return "system"
	} else if m.IsSystem() {
		return SystemCLI
	}
	return strings.TrimSpace(m.Name) + " <" + m.Email + "> (" + string(m.Role) + ")"
}
