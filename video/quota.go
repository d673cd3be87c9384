package video

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/relais/relais"
)

// DefaultMaxHeldBytes is how many bytes of videos no post carries yet a
// member may hold when RELAIS_VIDEO_MEMBER_QUOTA is not set: two videos
// of the largest size relais takes.
const DefaultMaxHeldBytes = 2 * MaxUploadBytes

// maxOpenPerMember bounds the unfinished uploads one member may hold.
const maxOpenPerMember = 5

// ownerLock names the lock serialising a member's new uploads, so that two
// at once cannot both fit in what is left of her quota.
func ownerLock(owner int64) string { return "owner:" + strconv.FormatInt(owner, 10) }

// maxHeld returns the per-member quota in force.
func (us *Uploads) maxHeld() int64 {
	if us.MaxHeldBytes > 0 {
		return us.MaxHeldBytes
	}
	return DefaultMaxHeldBytes
}

// checkHeld refuses a new upload of size bytes by owner when she already
// has maxOpenPerMember unfinished uploads, or when her uploads no post
// carries, with this one, would exceed the quota (the limit and what she
// holds are named, in French and English).
func (us *Uploads) checkHeld(ctx context.Context, owner, size int64) error {
	mine, err := us.owned(owner)
	if err != nil {
		return err
	}
	held, open, err := us.held(ctx, mine)
	if err != nil {
		return err
	} else if open >= maxOpenPerMember {
		return relais.Errorf(relais.ERATELIMIT, "Finish your uploads in progress first.").With("error.video.uploads_busy")
	} else if limit := us.maxHeld(); held+size > limit {
		return &relais.Error{Code: relais.ETOOLARGE, Field: "size", Key: "error.video.quota",
			Params: map[string]string{"held": mb(held), "size": mb(size), "limit": mb(limit)},
			Message: "Your videos not yet attached to a post hold " + mb(held) + "; with this one (" + mb(size) + ") you would exceed the limit of " + mb(limit) +
				" per member: attach them or wait until they are deleted."}
	}
	return nil
}

// held sums the sizes of the uploads no post carries (an unfinished one
// counts its full size: its bytes are on their way) and counts the
// unfinished ones.
func (us *Uploads) held(ctx context.Context, mine []Upload) (bytes int64, open int, err error) {
	var done []string
	for _, u := range mine {
		if u.Complete() {
			done = append(done, u.ID)
		}
	}
	attached := map[string]bool{}
	if us.Attached != nil && len(done) > 0 {
		if attached, err = us.Attached(ctx, done); err != nil {
			return 0, 0, err
		}
	}
	for _, u := range mine {
		if !u.Complete() {
			open, bytes = open+1, bytes+u.Size
		} else if !attached[u.ID] {
			bytes += u.Size
		}
	}
	return bytes, open, nil
}

// owned returns owner's upload records.
func (us *Uploads) owned(owner int64) ([]Upload, error) {
	entries, err := os.ReadDir(us.dir)
	if err != nil {
		return nil, err
	}
	var out []Upload
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		var u Upload
		if b, err := os.ReadFile(filepath.Join(us.dir, e.Name())); err == nil && json.Unmarshal(b, &u) == nil && u.Owner == owner {
			out = append(out, u)
		}
	}
	return out, nil
}
