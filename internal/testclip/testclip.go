// Package testclip builds small, valid MP4 files for tests (box by box,
// so that no binary is committed) and uploads them through the resumable
// upload store as a member would.
package testclip

import (
	"bytes"
	"context"
	"encoding/binary"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/video"
)

func box(typ string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(out, typ...), body...)
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// MP4 returns an H.264 (avc1) MP4 of w×h pixels lasting seconds, whose
// media data is n bytes of a pattern seeded by seed (two seeds give two
// files with different SHA-256).
func MP4(w, h int, seconds float64, n int, seed byte) []byte {
	ftyp := box("ftyp", []byte("isom"), u32(0), []byte("isomavc1"))
	mvhd := box("mvhd", u32(0), u32(0), u32(0), u32(1000), u32(uint32(seconds*1000)), make([]byte, 80))
	tkhd := box("tkhd", u32(0), make([]byte, 72), u32(uint32(w)<<16), u32(uint32(h)<<16))
	hdlr := box("hdlr", u32(0), u32(0), []byte("vide"), make([]byte, 13))
	stsd := box("stsd", u32(0), u32(1), box("avc1", make([]byte, 70)))
	trak := box("trak", tkhd, box("mdia", hdlr, box("minf", box("stbl", stsd))))
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(i*131+i>>9) ^ seed
	}
	return bytes.Join([][]byte{ftyp, box("moov", mvhd, trak), box("mdat", data)}, nil)
}

// Upload sends data to us in one chunk as member m and returns the
// complete upload.
func Upload(t testing.TB, us *video.Uploads, m *relais.Member, name string, data []byte) *video.Upload {
	t.Helper()
	ctx := relais.NewContextWithMember(context.Background(), m)
	u, err := us.Create(ctx, name, int64(len(data)))
	if err != nil {
		t.Fatalf("create upload: %v", err)
	}
	u, err = us.Append(ctx, u.ID, 0, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("upload: %v", err)
	} else if !u.Complete() {
		t.Fatalf("upload %s incomplete at %d", u.ID, u.Offset)
	}
	return u
}
