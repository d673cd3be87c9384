package video

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Default retentions of the uploads' housekeeping (docs/CONFIG.md).
const (
	// DefaultUnattachedRetention keeps an upload no post carries (an
	// abandoned or unfinished upload, a video replaced in its post).
	DefaultUnattachedRetention = 7 * 24 * time.Hour
	// DefaultDoneRetention keeps the file of a post that will publish
	// nothing more (published, rejected, cancelled, expired, deleted)
	// after its last change, for the approvers and the history.
	DefaultDoneRetention = 30 * 24 * time.Hour
)

// Use is one post's use of an upload: whether the post will publish
// nothing more (Done) and since when.
type Use struct {
	UploadID string
	Done     bool
	Since    time.Time
}

// Sweep removes the uploads no post needs any more and returns how many
// went: an upload no post carries, created before unattachedBefore; an
// upload whose every post has been done since before doneBefore. Bytes
// left without their record (a crash between the two writes) go once
// older than unattachedBefore.
func (us *Uploads) Sweep(uses []Use, unattachedBefore, doneBefore time.Time) (int, error) {
	needed, attached := map[string]bool{}, map[string]bool{}
	for _, u := range uses {
		attached[u.UploadID] = true
		if !u.Done || !u.Since.Before(doneBefore) {
			needed[u.UploadID] = true
		}
	}
	entries, err := os.ReadDir(us.dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		id, created, ok := us.record(e)
		if !ok || needed[id] || (!attached[id] && !created.Before(unattachedBefore)) {
			continue
		}
		unlock := us.lock(id)
		us.remove(id)
		unlock()
		n++
	}
	return n, nil
}

// record names the upload entry e stands for and when it was created: a
// record ID.json, or bytes ID without a record (dated by the file).
func (us *Uploads) record(e os.DirEntry) (id string, created time.Time, ok bool) {
	name := e.Name()
	if id, ok = strings.CutSuffix(name, ".json"); ok && idPattern.MatchString(id) {
		var u Upload
		b, err := os.ReadFile(filepath.Join(us.dir, name))
		if err != nil || json.Unmarshal(b, &u) != nil {
			return "", time.Time{}, false
		}
		return id, u.CreatedAt, true
	}
	if !idPattern.MatchString(name) {
		return "", time.Time{}, false
	}
	if _, err := os.Stat(us.path(name) + ".json"); err == nil {
		return "", time.Time{}, false // the record speaks for it
	}
	info, err := e.Info()
	if err != nil {
		return "", time.Time{}, false
	}
	return name, info.ModTime(), true
}
