package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/store"
	"github.com/relais/relais/video"
)

// videoSweepEvery is how often the video uploads' housekeeping runs.
const videoSweepEvery = time.Hour

// videoSweep is the chore that deletes the video uploads no post needs
// any more (RELAIS_VIDEO_UPLOAD_RETENTION, RELAIS_VIDEO_RETENTION), once
// per cluster like the other chores. With several replicas on one
// shared uploads directory one sweep covers them all.
func (m *Main) videoSweep() scheduler.Chore {
	return scheduler.Chore{Name: "purge_videos", Every: videoSweepEvery, Run: func(ctx context.Context) error {
		us := m.videoUploads()
		if us == nil {
			return nil
		}
		n, err := m.sweepVideos(ctx, us, time.Now())
		if n > 0 {
			m.log.Info("video uploads deleted", slog.Int("uploads", n))
		}
		return err
	}}
}

// sweepVideos deletes from us the uploads no post needs at now.
func (m *Main) sweepVideos(ctx context.Context, us *video.Uploads, now time.Time) (int, error) {
	var uses []store.VideoUse
	if err := m.store.View(ctx, func(tx *store.Tx) (err error) {
		uses, err = tx.VideoUses()
		return err
	}); err != nil {
		return 0, err
	}
	in := make([]video.Use, len(uses))
	for i, u := range uses {
		in[i] = video.Use{UploadID: u.UploadID, Done: u.Done(), Since: u.UpdatedAt}
	}
	unattached, done := video.DefaultUnattachedRetention, video.DefaultDoneRetention
	if m.cfg != nil && m.cfg.VideoUploadRetention > 0 {
		unattached = m.cfg.VideoUploadRetention
	}
	if m.cfg != nil && m.cfg.VideoRetention > 0 {
		done = m.cfg.VideoRetention
	}
	return us.Sweep(in, now.Add(-unattached), now.Add(-done))
}
