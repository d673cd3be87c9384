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
// error (field "file") naming the platform and the limit, in French and
// English, or nil. Platforms without documented video support in relais
// (webhooks, e-mail...) refuse videos.
func Check(pl relais.Platform, info *Info, size int64) error {
	l, ok := PlatformLimits[pl]
	p := platformName(pl)
	if !ok {
		return refuse("%s ne publie pas de vidéo. / %s does not take videos.", p, p)
	}
	long, short := max(info.Width, info.Height), min(info.Width, info.Height)
	aspect := float64(info.Width) / float64(max(info.Height, 1))
	switch {
	case !slices.Contains(l.Containers, info.Container):
		return refuse("%s n'accepte pas le format %s. / %s does not accept %s.", p, info.Container, p, info.Container)
	case len(l.VideoCodecs) > 0 && !slices.Contains(l.VideoCodecs, info.VideoCodec):
		return refuse("%s exige une vidéo H.264 (ici %s). / %s requires H.264 video (this is %s).", p, info.VideoCodec, p, info.VideoCodec)
	case l.MaxBytes > 0 && size > l.MaxBytes:
		return refuse("%s : %s au plus (ici %s). / %s: at most %s (this is %s).", p, mb(l.MaxBytes), mb(size), p, mb(l.MaxBytes), mb(size))
	case l.MaxDuration > 0 && info.Duration > l.MaxDuration:
		return refuse("%s : %s au plus (ici %s). / %s: at most %s (this is %s).", p, secs(l.MaxDuration), secs(info.Duration), p, secs(l.MaxDuration), secs(info.Duration))
	case info.Duration < l.MinDuration:
		return refuse("%s : %s au moins (ici %s). / %s: at least %s (this is %s).", p, secs(l.MinDuration), secs(info.Duration), p, secs(l.MinDuration), secs(info.Duration))
	case l.MaxWidth > 0 && (long > l.MaxWidth || short > l.MaxHeight):
		return refuse("%s : %d×%d au plus (ici %d×%d). / %s: at most %d×%d (this is %d×%d).", p, l.MaxWidth, l.MaxHeight, info.Width, info.Height, p, l.MaxWidth, l.MaxHeight, info.Width, info.Height)
	case l.MinAspect > 0 && (aspect < l.MinAspect || aspect > l.MaxAspect):
		return refuse("%s : format d'image entre 1:3 et 3:1. / %s: aspect ratio between 1:3 and 3:1.", p, p)
	}
	return nil
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

func refuse(format string, args ...any) error {
	return &relais.Error{Code: relais.EINVALID, Field: "file", Message: fmt.Sprintf(format, args...)}
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

// Explain turns a Probe error into a field error in French and English.
func Explain(err error) error {
	switch {
	case err == nil:
		return nil
	case errorsIs(err, ErrNotVideo):
		return refuse("Ce fichier n'est pas une vidéo MP4, MOV ou WebM. / This file is not an MP4, MOV or WebM video.")
	case errorsIs(err, ErrEmpty):
		return refuse("La vidéo dure 0 seconde. / The video lasts 0 seconds.")
	case errorsIs(err, ErrNoTrack):
		return refuse("Le fichier n'a pas de piste vidéo. / The file has no video track.")
	}
	return refuse("La vidéo est tronquée ou abîmée (%v). / The video is truncated or damaged.", err)
}
func errorsIs(err, target error) bool { return errors.Is(err, target) }
