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
}

// DoneStates are the states of a post that will publish nothing more: its
// video file is kept only for a while after (video.DefaultDoneRetention).
var DoneStates = []relais.PostState{relais.PostPublished, relais.PostRejected, relais.PostCancelled,
	relais.PostExpired, relais.PostDeleted}

// Done reports whether the post will publish nothing more.
func (u VideoUse) Done() bool { return slices.Contains(DoneStates, u.State) }

// VideoUses lists every post's video upload (deleted posts included).
func (tx *Tx) VideoUses() ([]VideoUse, error) {
	var rows []struct {
		UploadID  string
		State     string
		UpdatedAt time.Time
	}
	err := tx.db.Table("post_videos").Select("post_videos.upload_id, posts.state, posts.updated_at").
		Joins("JOIN posts ON posts.id = post_videos.post_id").Scan(&rows).Error
	out := make([]VideoUse, len(rows))
	for i, r := range rows {
		out[i] = VideoUse{UploadID: r.UploadID, State: relais.PostState(r.State), UpdatedAt: r.UpdatedAt}
	}
	return out, err
}
