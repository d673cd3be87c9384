package video

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// OpenApproved opens upload id for publishing, outside any member's
// request (the scheduler's delivery). The bytes are hashed again: a file
// whose SHA-256 is no longer the approved one is refused, so what goes out
// is exactly what was approved. The caller closes the file.
func (us *Uploads) OpenApproved(id, sha string) (*os.File, error) {
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("video: bad upload id %q", id)
	}
	f, err := os.Open(us.path(id))
	if err != nil {
		return nil, fmt.Errorf("video: upload %s is gone: %w", id, err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		f.Close()
		return nil, err
	} else if got := hex.EncodeToString(h.Sum(nil)); got != sha {
		f.Close()
		return nil, fmt.Errorf("video: upload %s changed since approval (SHA-256 %s, approved %s)", id, got[:12], short(sha))
	}
	return f, nil
}

func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// OpenStored opens upload id's file to show it to a reader, without
// hashing it again: the caller has checked that the reader may see the
// post that carries it (the upload id alone grants nothing).
func (us *Uploads) OpenStored(id string) (*os.File, error) {
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("video: bad upload id %q", id)
	}
	return os.Open(us.path(id))
}
