// Package video checks uploaded videos by reading their container, never
// trusting the file name or the Content-Type: MP4 and QuickTime MOV
// (ISO base media file format boxes) and WebM (Matroska EBML elements).
// It returns the duration, dimensions and codecs, and compares them with
// each platform's documented limits (see docs/PLATFORMS.md).
//
// github.com/abema/go-mp4 was the intended MP4 parser, but the Go module
// proxy reachable here refuses it (403), so the few boxes needed are read
// by this package; both readers are fuzzed (FuzzProbe).
package video

import (
	"errors"
	"fmt"
	"io"
	"time"
)

// Info is what the container says about a video.
type Info struct {
	Container  string        `json:"container"` // "mp4", "mov" or "webm"
	Duration   time.Duration `json:"duration"`
	Width      int           `json:"width"`
	Height     int           `json:"height"`
	VideoCodec string        `json:"video_codec"` // e.g. "avc1", "hvc1", "V_VP9"
	AudioCodec string        `json:"audio_codec,omitempty"`
}

// ContentType returns the MIME type of the container.
func (i *Info) ContentType() string {
	switch i.Container {
	case "mov":
		return "video/quicktime"
	case "webm":
		return "video/webm"
	}
	return "video/mp4"
}

// Errors Probe returns (wrapped with details).
var (
	ErrNotVideo  = errors.New("not an MP4, MOV or WebM video")
	ErrTruncated = errors.New("the file is truncated or damaged")
	ErrNoTrack   = errors.New("the file has no video track")
	ErrEmpty     = errors.New("the video lasts 0 seconds")
)

// Probe reads the container of the size bytes in r. It reads only box and
// element headers and the small metadata boxes, so its cost does not grow
// with the media data.
func Probe(r io.ReaderAt, size int64) (*Info, error) {
	var head [12]byte
	if size < 12 {
		return nil, ErrNotVideo
	} else if _, err := r.ReadAt(head[:], 0); err != nil {
		return nil, ErrTruncated
	}
	var info *Info
	var err error
	switch {
	case string(head[4:8]) == "ftyp":
		info, err = probeMP4(r, size)
	case head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3:
		info, err = probeWebM(r, size)
	default:
		return nil, ErrNotVideo
	}
	if err != nil {
		return nil, err
	} else if info.VideoCodec == "" || info.Width <= 0 || info.Height <= 0 {
		return nil, ErrNoTrack
	} else if info.Duration <= 0 {
		return nil, ErrEmpty
	}
	return info, nil
}

func errorf(base error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", base, fmt.Sprintf(format, args...))
}
