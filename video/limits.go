package video

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/relais/relais"
)

// Limits are one platform's documented limits for a video (zero: none
// documented). Sources are in docs/PLATFORMS.md.
type Limits struct {
	MaxBytes    int64
	MinDuration time.Duration
	MaxDuration time.Duration
	MaxWidth    int // of the longer side
	MaxHeight   int // of the shorter side
	MinAspect   float64
	MaxAspect   float64
	Containers  []string // accepted containers
	VideoCodecs []string // accepted codecs (empty: any)
}

// PlatformLimits are the limits relais checks at upload, per platform.
var PlatformLimits = map[relais.Platform]Limits{
	relais.PlatformX: {MaxBytes: 512 << 20, MinDuration: 500 * time.Millisecond, MaxDuration: 140 * time.Second,
		MaxWidth: 1280, MaxHeight: 1024, MinAspect: 1.0 / 3, MaxAspect: 3, Containers: []string{"mp4", "mov"},
		VideoCodecs: []string{"avc1", "avc3"}},
	relais.PlatformBluesky:  {MaxBytes: 100 << 20, MaxDuration: 3 * time.Minute, Containers: []string{"mp4", "mov", "webm"}},
	relais.PlatformMastodon: {MaxBytes: 99 << 20, Containers: []string{"mp4", "mov", "webm"}},
	relais.PlatformFacebook: {MaxBytes: 10 << 30, MaxDuration: 240 * time.Minute, Containers: []string{"mp4", "mov"}},
	relais.PlatformTelegram: {MaxBytes: 50 << 20, Containers: []string{"mp4"}},
}

// Check compares a video with platform p's limits and returns an EINVALID
// error (field "file") naming the platform and the limit, with its
// catalogue key (error.video.*) for each reader's language, or nil. Platforms without documented video support in relais
// (webhooks, e-mail...) refuse videos.
func Check(pl relais.Platform, info *Info, size int64) error {
	l, ok := PlatformLimits[pl]
	p := platformName(pl)
	if !ok {
		return refuse("error.video.no_video", p+" does not take videos.", "platform", p)
	}
	long, short := max(info.Width, info.Height), min(info.Width, info.Height)
	aspect := float64(info.Width) / float64(max(info.Height, 1))
	switch {
	case !slices.Contains(l.Containers, info.Container):
		return refuse("error.video.container", p+" does not accept "+info.Container+".", "platform", p, "format", info.Container)
	case len(l.VideoCodecs) > 0 && !slices.Contains(l.VideoCodecs, info.VideoCodec):
		return refuse("error.video.codec", p+" requires H.264 video (this is "+info.VideoCodec+").", "platform", p, "codec", info.VideoCodec)
	case l.MaxBytes > 0 && size > l.MaxBytes:
		return atMost(p, mb(l.MaxBytes), mb(size))
	case l.MaxDuration > 0 && info.Duration > l.MaxDuration:
		return atMost(p, secs(l.MaxDuration), secs(info.Duration))
	case info.Duration < l.MinDuration:
		return refuse("error.video.at_least", fmt.Sprintf("%s: at least %s (this is %s).", p, secs(l.MinDuration), secs(info.Duration)),
			"platform", p, "limit", secs(l.MinDuration), "value", secs(info.Duration))
	case l.MaxWidth > 0 && (long > l.MaxWidth || short > l.MaxHeight):
		return atMost(p, fmt.Sprintf("%d×%d", l.MaxWidth, l.MaxHeight), fmt.Sprintf("%d×%d", info.Width, info.Height))
	case l.MinAspect > 0 && (aspect < l.MinAspect || aspect > l.MaxAspect):
		return refuse("error.video.aspect", p+": aspect ratio between 1:3 and 3:1.", "platform", p)
	}
	return nil
}

// atMost refuses a video over platform p's limit ("X: at most 140.0 s
// (this is 150.0 s)").
func atMost(p, limit, value string) error {
	return refuse("error.video.at_most", fmt.Sprintf("%s: at most %s (this is %s).", p, limit, value),
		"platform", p, "limit", limit, "value", value)
}

// platformNames are the platforms as their users write them.
var platformNames = map[relais.Platform]string{relais.PlatformX: "X", relais.PlatformBluesky: "Bluesky",
	relais.PlatformMastodon: "Mastodon", relais.PlatformFacebook: "Facebook", relais.PlatformTelegram: "Telegram"}

// platformName names p in a refusal ("X", not "x").
func platformName(p relais.Platform) string {
	if n, ok := platformNames[p]; ok {
		return n
	}
	return string(p)
}

// refuse is an EINVALID error of the field "file": its catalogue key,
// the English message and the key's parameters as name, value pairs.
func refuse(key, message string, pairs ...string) error {
	return (&relais.Error{Code: relais.EINVALID, Field: "file", Message: message}).With(key, pairs...)
}

func mb(n int64) string {
	if n >= 1<<30 && n%(1<<30) == 0 {
		return fmt.Sprintf("%d GB", n>>30)
	} else if n >= 1<<30 {
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// Explain turns a Probe error into a field error with its catalogue key.
func Explain(err error) error {
	switch {
	case err == nil:
		return nil
	case errorsIs(err, ErrNotVideo):
		return refuse("error.video.not_video", "This file is not an MP4, MOV or WebM video.")
	case errorsIs(err, ErrEmpty):
		return refuse("error.video.empty", "The video lasts 0 seconds.")
	case errorsIs(err, ErrNoTrack):
		return refuse("error.video.no_track", "The file has no video track.")
	}
	return refuse("error.video.damaged", fmt.Sprintf("The video is truncated or damaged (%v).", err))
}
func errorsIs(err, target error) bool { return errors.Is(err, target) }
