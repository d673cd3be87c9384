package testclip

import (
	"bytes"
	"testing"
	"time"

	"github.com/relais/relais/video"
)

// TestPlayableProbes: the playable clip is a complete MP4 that the
// upload check reads as H.264 of its size and length; its frames differ.
func TestPlayableProbes(t *testing.T) {
	b := Playable(160, 96, 10, 20)
	info, err := video.Probe(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if info.Width != 160 || info.Height != 96 || info.Duration != 2*time.Second || info.VideoCodec != "avc1" {
		t.Fatalf("probe: %+v", info)
	}
	if bytes.Equal(h264IDR(32, 32, 0), h264IDR(32, 32, 1)) {
		t.Fatal("two frames are the same")
	}
	if !bytes.Contains(b, h264SPS(160, 96)) || !bytes.Contains(b, []byte("stco")) {
		t.Fatal("no SPS in avcC or no chunk offsets")
	}
}
