package bluesky

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"testing"
)

// webpHeader builds the first bytes of a WebP file with chunk fourcc and
// its size fields as the WebP container specification lays them out.
func webpHeader(fourcc string, w, h int) []byte {
	b := make([]byte, 30)
	copy(b, "RIFF")
	copy(b[8:], "WEBP")
	copy(b[12:], fourcc)
	switch fourcc {
	case "VP8X": // canvas width-1 and height-1, 24 bits each, at 24 and 27
		w1, h1 := w-1, h-1
		b[24], b[25], b[26] = byte(w1), byte(w1>>8), byte(w1>>16)
		b[27], b[28], b[29] = byte(h1), byte(h1>>8), byte(h1>>16)
	case "VP8 ": // 14-bit width and height at 26 and 28
		b[26], b[27], b[28], b[29] = byte(w), byte(w>>8), byte(h), byte(h>>8)
	case "VP8L": // 14 bits width-1, 14 bits height-1 from byte 21
		v := uint32(w-1) | uint32(h-1)<<14
		b[21], b[22], b[23], b[24] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	return b
}

func TestAspectRatio(t *testing.T) {
	var jb, gb bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 1200, 675))
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gb, image.NewPaletted(image.Rect(0, 0, 64, 48), color.Palette{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data []byte
		w, h int64
	}{
		"jpeg": {jb.Bytes(), 1200, 675}, "gif": {gb.Bytes(), 64, 48},
		"webp VP8X": {webpHeader("VP8X", 4000, 3000), 4000, 3000},
		"webp VP8":  {webpHeader("VP8 ", 800, 600), 800, 600},
		"webp VP8L": {webpHeader("VP8L", 512, 256), 512, 256},
	} {
		ar := aspectRatio(tc.data)
		if ar == nil || ar.Width != tc.w || ar.Height != tc.h {
			t.Errorf("%s: got %+v, want %dx%d", name, ar, tc.w, tc.h)
		}
	}
	if aspectRatio([]byte("not an image")) != nil {
		t.Error("an unreadable image got an aspect ratio")
	}
}

func FuzzAspectRatio(f *testing.F) {
	f.Add(webpHeader("VP8X", 10, 10))
	f.Add(webpHeader("VP8L", 1, 1))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, b []byte) {
		if ar := aspectRatio(b); ar != nil && (ar.Width <= 0 || ar.Height <= 0) {
			t.Fatalf("non-positive aspect ratio %+v", ar)
		}
	})
}
