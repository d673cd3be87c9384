// Package secret encrypts credentials at rest with AES-256-GCM. A Box holds
// the current key and, during a rotation, older keys that can still open
// what they sealed. Each sealed value starts with a short key identifier.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeySize is the length of a key in bytes.
const KeySize = 32

const idSize = 4

// Box seals and opens values.
type Box struct {
	current cipher.AEAD
	id      [idSize]byte
	all     map[[idSize]byte]cipher.AEAD
}

// NewBox returns a box sealing with keys[0] and opening with any of keys.
func NewBox(keys ...[]byte) (*Box, error) {
	if len(keys) == 0 {
		return nil, errors.New("secret: no key")
	}
	b := &Box{all: make(map[[idSize]byte]cipher.AEAD)}
	for i, k := range keys {
		if len(k) != KeySize {
			return nil, fmt.Errorf("secret: key %d is %d bytes, want %d", i, len(k), KeySize)
		}
		block, _ := aes.NewCipher(k)
		aead, _ := cipher.NewGCM(block)
		id := keyID(k)
		b.all[id] = aead
		if i == 0 {
			b.current, b.id = aead, id
		}
	}
	return b, nil
}

func keyID(k []byte) [idSize]byte {
	sum := sha256.Sum256(append([]byte("relais-key-id:"), k...))
	var id [idSize]byte
	copy(id[:], sum[:idSize])
	return id
}

// Seal encrypts plaintext bound to aad (additional data that must be given
// again to open it, such as the owning row's identity, so that a sealed
// value moved to another row does not open); the result holds the key id
// and a random nonce.
func (b *Box) Seal(plaintext, aad []byte) []byte {
	nonce := make([]byte, b.current.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	out := append(b.id[:idSize:idSize], nonce...)
	return b.current.Seal(out, nonce, plaintext, aad)
}

// Open decrypts what Seal produced with any key of the box and the same aad.
func (b *Box) Open(sealed, aad []byte) ([]byte, error) {
	if len(sealed) < idSize+12 {
		return nil, errors.New("secret: sealed value too short")
	}
	var id [idSize]byte
	copy(id[:], sealed)
	aead, ok := b.all[id]
	if !ok {
		return nil, errors.New("secret: sealed with an unknown key")
	}
	ns := aead.NonceSize()
	pt, err := aead.Open(nil, sealed[idSize:idSize+ns], sealed[idSize+ns:], aad)
	if err != nil {
		return nil, errors.New("secret: cannot decrypt: wrong key or corrupted value")
	}
	return pt, nil
}

// IsCurrent reports whether sealed was made with the current key.
func (b *Box) IsCurrent(sealed []byte) bool {
	return len(sealed) >= idSize && string(sealed[:idSize]) == string(b.id[:])
}

// ParseKey decodes a key given as 64 hex digits or standard base64.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if k, err := hex.DecodeString(s); err == nil && len(k) == KeySize {
		return k, nil
	}
	if k, err := base64.StdEncoding.DecodeString(s); err == nil && len(k) == KeySize {
		return k, nil
	}
	return nil, errors.New("secret: RELAIS_SECRET_KEY must be 32 bytes as 64 hex digits or base64")
}

// NewKey returns a random key encoded as hex.
func NewKey() string {
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		panic(err)
	}
	return hex.EncodeToString(k)
}

// LoadOrCreateKeyFile reads the key in dir/secret.key, creating it (mode
// 0600) when absent. created reports whether a new key was written.
func LoadOrCreateKeyFile(dir string) (key []byte, created bool, err error) {
	path := filepath.Join(dir, "secret.key")
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := ParseKey(string(b))
		return k, false, err
	} else if !os.IsNotExist(err) {
		return nil, false, fmt.Errorf("secret: cannot read key file: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("secret: cannot create data directory: %w", err)
	}
	s := NewKey()
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, false, fmt.Errorf("secret: cannot write key file: %w", err)
	}
	k, err := ParseKey(s)
	return k, true, err
}
