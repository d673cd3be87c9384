package store

import (
	"slices"
	"time"

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
func (tx *Tx) VideoUses() ([]VideoUse, error) {
	var rows []struct {
		UploadID  string
		State     string
		UpdatedAt time.Time
		Recurring bool
	}
	active := tx.db.Model(&recurrenceRow{}).Select("1").Where("recurrences.post_id = posts.id AND recurrences.active")
	err := tx.db.Table("post_videos").Select("post_videos.upload_id, posts.state, posts.updated_at, EXISTS (?) AS recurring", active).
		Joins("JOIN posts ON posts.id = post_videos.post_id").Scan(&rows).Error
	out := make([]VideoUse, len(rows))
	for i, r := range rows {
		out[i] = VideoUse{UploadID: r.UploadID, State: relais.PostState(r.State), UpdatedAt: r.UpdatedAt, Recurring: r.Recurring}
	}
	return out, err
}

// CarriedUploads reports which of the upload ids a post carries (deleted
// posts included: their file is the history's until it is swept).
func (tx *Tx) CarriedUploads(ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var got []string
	err := tx.db.Table("post_videos").Where("upload_id IN ?", ids).Distinct().Pluck("upload_id", &got).Error
	for _, id := range got {
		out[id] = true
	}
	return out, err
}
