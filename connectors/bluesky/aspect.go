package bluesky

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/gif"  // image.DecodeConfig for GIF
	_ "image/jpeg" // and JPEG
	_ "image/png"  // and PNG

	"github.com/bluesky-social/indigo/api/bsky"
)

// aspectRatio returns an image's width and height for the post's
// app.bsky.embed.images#image.aspectRatio (so that clients lay it out
// before loading it), or nil when the image's header cannot be read.
func aspectRatio(data []byte) *bsky.EmbedDefs_AspectRatio {
	w, h := webpSize(data)
	if w == 0 {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil
		}
		w, h = cfg.Width, cfg.Height
	}
	if w <= 0 || h <= 0 {
		return nil
	}
	return &bsky.EmbedDefs_AspectRatio{Width: int64(w), Height: int64(h)}
}

// webpSize reads the canvas size of a WebP file (RIFF container, chunks
// VP8X, VP8 or VP8L, as the WebP container specification lays them out),
// or 0, 0.
func webpSize(b []byte) (int, int) {
	if len(b) < 30 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return 0, 0
	}
	u24 := func(p []byte) int { return int(p[0]) | int(p[1])<<8 | int(p[2])<<16 }
	switch string(b[12:16]) {
	case "VP8X":
		return u24(b[24:27]) + 1, u24(b[27:30]) + 1
	case "VP8 ":
		return int(binary.LittleEndian.Uint16(b[26:28]) & 0x3fff), int(binary.LittleEndian.Uint16(b[28:30]) & 0x3fff)
	case "VP8L":
		v := binary.LittleEndian.Uint32(b[21:25])
		return int(v&0x3fff) + 1, int(v>>14&0x3fff) + 1
	}
	return 0, 0
}
