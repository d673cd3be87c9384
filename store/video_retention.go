package store

import (
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/relais/relais"
)

// VideoUse is one post's video upload, with the post's state and its
// last change: what the uploads' housekeeping needs.
type VideoUse struct {
	UploadID  string
	State     relais.PostState
	UpdatedAt time.Time
	// Recurring: the post is the template of an active recurrence, whose
	// next occurrences publish the same file.
	Recurring bool
}

// DoneStates are the states of a post that will publish nothing more: its
// video file is kept only for a while after (video.DefaultDoneRetention).
var DoneStates = []relais.PostState{relais.PostPublished, relais.PostRejected, relais.PostCancelled,
	relais.PostExpired, relais.PostDeleted}

// Done reports whether the post will publish nothing more: a done state,
// and no active recurrence copying it.
func (u VideoUse) Done() bool { return !u.Recurring && slices.Contains(DoneStates, u.State) }

// VideoUses lists every post's video upload (deleted posts included).
func (tx *Tx) VideoUses() ([]VideoUse, error) { return tx.videoUses(tx.db) }

// videoUses lists the video uses q selects.
func (tx *Tx) videoUses(q *gorm.DB) ([]VideoUse, error) {
	var rows []struct {
		UploadID  string
		State     string
		UpdatedAt time.Time
		Recurring bool
	}
	active := tx.db.Model(&recurrenceRow{}).Select("1").Where("recurrences.post_id = posts.id AND recurrences.active")
	err := q.Table("post_videos").Select("post_videos.upload_id, posts.state, posts.updated_at, EXISTS (?) AS recurring", active).
		Joins("JOIN posts ON posts.id = post_videos.post_id").Scan(&rows).Error
	out := make([]VideoUse, len(rows))
	for i, r := range rows {
		out[i] = VideoUse{UploadID: r.UploadID, State: relais.PostState(r.State), UpdatedAt: r.UpdatedAt, Recurring: r.Recurring}
	}
	return out, err
}

// CarriedUploads reports which of the upload ids a post carries that
// published it or may still publish it (an active recurrence's template
// included). A deleted, cancelled, rejected or expired post does not
// count: its file is kept for the history until swept, but its owner
// could otherwise hold any number of videos by attaching each to a post
// she then deletes.
func (tx *Tx) CarriedUploads(ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	uses, err := tx.videoUses(tx.db.Where("post_videos.upload_id IN ?", ids))
	for _, u := range uses {
		if u.State == relais.PostPublished || !u.Done() {
			out[u.UploadID] = true
		}
	}
	return out, err
}
