package approval

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// PostVideo returns the video of post id for the signed-in member, if she
// may see the post (as Get decides: colistiers see published posts only).
// A post she may not see, or without a video, is ENOTFOUND.
func (s *Service) PostVideo(ctx context.Context, id int64) (*relais.PostVideo, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var v *relais.PostVideo
	err = s.store.View(ctx, func(tx *store.Tx) error {
		p, err := tx.PostByID(id)
		if err != nil {
			return err
		} else if p.Video == nil || (p.State != relais.PostPublished && !policy.Can(m, policy.PostReadUnpublished, policy.PostObject(p))) {
			return relais.Errorf(relais.ENOTFOUND, "Post %d has no video to show.", id)
		}
		v = p.Video
		return nil
	})
	return v, err
}
