package main

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"github.com/relais/relais/approval"
	"github.com/relais/relais/capture"
	"github.com/relais/relais/connectors/outbound"
	"github.com/relais/relais/connectors/x"
	"github.com/relais/relais/events"
	"github.com/relais/relais/push"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/scheduler"
	"github.com/relais/relais/store"
	"github.com/relais/relais/video"
	"github.com/relais/relais/videopost"
)

// newEvents builds the field events service over the campaign's districts.
func (m *Main) newEvents(approvals *approval.Service) *events.Service {
	var ds []events.District
	for _, sec := range m.cfg.Districts {
		ds = append(ds, events.District{ID: sec.ID, Name: sec.Name})
	}
	cfg := events.Config{Store: m.store, Approval: approvals, Districts: ds, BaseURL: m.BaseURL}
	if m.supporters != nil {
		cfg.Supporters = m.supporters // each RSVP is a supporter with consent
	}
	return events.New(cfg)
}

// newCapture builds the Terrain screen's capture service.
func (m *Main) newCapture(approvals *approval.Service) *capture.Service {
	return capture.New(m.store, approvals)
}

// newPush builds the Web Push service; its VAPID contact is the public
// URL when it is https, else the mail sender.
func (m *Main) newPush() *push.Service {
	sub := m.cfg.SMTP.From
	if strings.HasPrefix(m.BaseURL, "https://") {
		sub = m.BaseURL
	}
	return push.New(push.Config{Store: m.store, Subscriber: sub, Log: m.log})
}

// newVideos keeps resumable video uploads under DATA/uploads (local disk:
// with several replicas, route a client's chunks to one replica or share
// the directory).
func (m *Main) newVideos() *video.Uploads {
	us, err := video.NewUploads(filepath.Join(m.env.DataDir, "uploads"))
	if err != nil {
		m.log.Error("video uploads disabled", "error", err)
		return nil
	}
	us.MaxHeldBytes = m.cfg.VideoMemberQuota
	us.Attached = func(ctx context.Context, ids []string) (out map[string]bool, err error) {
		err = m.store.View(ctx, func(tx *store.Tx) error {
			out, err = tx.CarriedUploads(ids)
			return err
		})
		return out, err
	}
	return us
}

// videoUploads returns the process's one store of video uploads (shared
// by the upload API, the approval service and the scheduler's delivery);
// nil when its directory cannot be made.
func (m *Main) videoUploads() *video.Uploads {
	m.videosOnce.Do(func() { m.videos = m.newVideos() })
	return m.videos
}

// videoPublisher publishes posts carrying a video, through the same
// outbound guard as the connectors, with a timeout long enough for a
// large upload; nil when uploads are disabled.
func (m *Main) videoPublisher() scheduler.VideoPublisher {
	us := m.videoUploads()
	if us == nil {
		return nil
	}
	hc := outbound.NewClient(outbound.Options{Timeout: 15 * time.Minute, AllowPrivate: m.allowPrivateNetworks()})
	p := videopost.New(us, hc)
	p.MastodonInstance = m.cfg.MastodonInstance
	return p
}

// newRelay builds the "to relay" list over the colistiers' and the
// campaign's connected accounts, through the outbound guard; quotes go
// through approvals; X reads count against RELAIS_X_METRICS_DAILY_CAP.
func (m *Main) newRelay(approvals *approval.Service) *relaying.Service {
	hc := outbound.NewClient(outbound.Options{Timeout: 20 * time.Second, AllowPrivate: m.allowPrivateNetworks()})
	return &relaying.Service{Store: m.store, Client: &relaying.Client{HTTP: hc}, Quoter: approvals,
		X: x.New(hc, ""), XDailyCap: m.cfg.XMetricsDailyCap}
}
