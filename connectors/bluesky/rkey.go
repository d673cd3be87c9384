package bluesky

import (
	"crypto/sha256"
	"encoding/binary"
	"time"

	"github.com/bluesky-social/indigo/atproto/syntax"
)

// Collection is the record collection of posts.
const Collection = "app.bsky.feed.post"

// tidEpoch and tidSpan bound the timestamps of derived record keys to
// 2023-2024, so that they are valid TIDs that never lie in the future.
var (
	tidEpoch = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()
	tidSpan  = uint64(2 * 365 * 24 * time.Hour / time.Microsecond)
)

// RecordKey returns the record key (a TID) of the post published with
// idempotency key key. It is a pure function of key, so that a retry or a
// Lookup after a crash addresses the same record.
func RecordKey(key string) string {
	sum := sha256.Sum256([]byte("relais/bluesky/" + key))
	v := binary.BigEndian.Uint64(sum[:8])
	micros := tidEpoch + int64((v>>10)%tidSpan)
	return syntax.NewTID(micros, uint(v&0x3FF)).String()
}
