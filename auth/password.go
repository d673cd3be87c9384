// Package auth signs members in: argon2id password hashes, database-backed
// sessions (so any replica serves any member), revocable bearer tokens for
// scripts, and a login rate limiter. Tokens are random; only their SHA-256
// is stored.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters (RFC 9106 second recommended option, lighter
// memory). CheckPassword reads them from each stored hash, so changing
// them only changes new hashes.
var (
	argonTime    uint32 = 2
	argonMemory  uint32 = argonMemoryKiB
	argonThreads uint8  = 2
)

const (
	argonMemoryKiB = 64 * 1024 // what a production hash or check holds
	argonKeyLen    = 32
)

// UseTestHashCost makes every password hash made afterwards cheap (argon2id
// with 1 MiB and one pass) so that test binaries that create hundreds of
// members do not spend their time hashing. Such hashes are weak: only a
// test's TestMain calls it, and TestHashCostOnlyInTests fails if code
// outside *_test.go files does.
func UseTestHashCost() {
	argonTime, argonMemory, argonThreads = 1, 1024, 1
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// HashPassword returns an encoded argon2id hash of pw.
func HashPassword(pw string) string {
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding.EncodeToString
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64(salt), b64(key))
}

// CheckPassword reports whether pw matches an encoded hash.
func CheckPassword(encoded, pw string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// NewToken returns a random URL-safe token.
func NewToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the hex SHA-256 of a token, as stored.
func HashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}
