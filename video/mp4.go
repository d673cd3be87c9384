package video

import (
	"encoding/binary"
	"io"
	"time"
)

// box is an ISO BMFF box: its type and where its payload lies.
type box struct {
	typ        string
	start, end int64 // payload
}

// maxBoxRead bounds what is read into memory from one metadata box.
const maxBoxRead = 1 << 20

// boxes lists the boxes in [from, to) of r.
func boxes(r io.ReaderAt, from, to int64) ([]box, error) {
	var out []box
	for off := from; off < to; {
		if to-off < 8 || len(out) > 10000 {
			return nil, errorf(ErrTruncated, "box header at %d", off)
		}
		var h [16]byte
		if _, err := r.ReadAt(h[:8], off); err != nil {
			return nil, errorf(ErrTruncated, "box header at %d", off)
		}
		size, hdr := int64(binary.BigEndian.Uint32(h[:4])), int64(8)
		switch size {
		case 0:
			size = to - off
		case 1:
			if _, err := r.ReadAt(h[8:16], off+8); err != nil {
				return nil, errorf(ErrTruncated, "box size at %d", off)
			}
			size, hdr = int64(binary.BigEndian.Uint64(h[8:16])), 16
		}
		if size < hdr || size > to-off {
			return nil, errorf(ErrTruncated, "box %q at %d claims %d bytes", h[4:8], off, size)
		}
		out = append(out, box{typ: string(h[4:8]), start: off + hdr, end: off + size})
		off += size
	}
	return out, nil
}

func find(bs []box, typ string) (box, bool) {
	for _, b := range bs {
		if b.typ == typ {
			return b, true
		}
	}
	return box{}, false
}

// read returns a metadata box's payload.
func read(r io.ReaderAt, b box) ([]byte, error) {
	n := b.end - b.start
	if n > maxBoxRead {
		return nil, errorf(ErrTruncated, "box %q is %d bytes", b.typ, n)
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, b.start); err != nil {
		return nil, errorf(ErrTruncated, "box %q", b.typ)
	}
	return buf, nil
}

// children lists the boxes inside b.
func children(r io.ReaderAt, b box) ([]box, error) { return boxes(r, b.start, b.end) }

// probeMP4 reads ftyp, moov/mvhd and each trak's tkhd, hdlr and stsd.
func probeMP4(r io.ReaderAt, size int64) (*Info, error) {
	top, err := boxes(r, 0, size)
	if err != nil {
		return nil, err
	}
	info := &Info{Container: "mp4"}
	if ft, _ := find(top, "ftyp"); ft.end-ft.start >= 4 {
		if brand, err := read(r, box{typ: "ftyp", start: ft.start, end: ft.start + 4}); err == nil && string(brand) == "qt  " {
			info.Container = "mov"
		}
	}
	moov, ok := find(top, "moov")
	if !ok {
		return nil, errorf(ErrTruncated, "no moov box")
	}
	kids, err := children(r, moov)
	if err != nil {
		return nil, err
	}
	if info.Duration, err = mvhdDuration(r, kids); err != nil {
		return nil, err
	}
	for _, t := range kids {
		if t.typ == "trak" {
			if err := readTrak(r, t, info); err != nil {
				return nil, err
			}
		}
	}
	return info, nil
}

// mvhdDuration reads the movie's duration (ISO/IEC 14496-12 §8.2.2).
func mvhdDuration(r io.ReaderAt, kids []box) (time.Duration, error) {
	mv, ok := find(kids, "mvhd")
	if !ok {
		return 0, errorf(ErrTruncated, "no mvhd box")
	}
	b, err := read(r, mv)
	if err != nil || len(b) < 20 {
		return 0, errorf(ErrTruncated, "short mvhd box")
	}
	var scale, dur uint64
	if b[0] == 1 {
		if len(b) < 32 {
			return 0, errorf(ErrTruncated, "short mvhd box")
		}
		scale, dur = uint64(binary.BigEndian.Uint32(b[20:24])), binary.BigEndian.Uint64(b[24:32])
	} else {
		scale, dur = uint64(binary.BigEndian.Uint32(b[12:16])), uint64(binary.BigEndian.Uint32(b[16:20]))
	}
	if scale == 0 || dur == 0 || dur == 0xFFFFFFFF || dur > scale*86400 {
		return 0, nil
	}
	return time.Duration(dur) * time.Second / time.Duration(scale), nil
}

// readTrak records a video track's size and codec, or an audio codec.
func readTrak(r io.ReaderAt, t box, info *Info) error {
	kids, err := children(r, t)
	if err != nil {
		return err
	}
	mdia, ok := find(kids, "mdia")
	if !ok {
		return nil
	}
	mk, err := children(r, mdia)
	if err != nil {
		return err
	}
	handler, codec, err := handlerAndCodec(r, mk)
	if err != nil {
		return err
	}
	switch handler {
	case "vide":
		if info.VideoCodec == "" {
			info.VideoCodec = codec
			info.Width, info.Height, err = tkhdSize(r, kids)
		}
	case "soun":
		if info.AudioCodec == "" {
			info.AudioCodec = codec
		}
	}
	return err
}

// handlerAndCodec reads mdia/hdlr's handler type and the first sample
// entry of mdia/minf/stbl/stsd.
func handlerAndCodec(r io.ReaderAt, mdia []box) (string, string, error) {
	h, ok := find(mdia, "hdlr")
	if !ok {
		return "", "", nil
	}
	hb, err := read(r, h)
	if err != nil || len(hb) < 12 {
		return "", "", errorf(ErrTruncated, "short hdlr box")
	}
	minf, ok := find(mdia, "minf")
	if !ok {
		return string(hb[8:12]), "", nil
	}
	mk, err := children(r, minf)
	if err != nil {
		return "", "", err
	}
	stbl, ok := find(mk, "stbl")
	if !ok {
		return string(hb[8:12]), "", nil
	}
	sk, err := children(r, stbl)
	if err != nil {
		return "", "", err
	}
	stsd, ok := find(sk, "stsd")
	if !ok || stsd.end-stsd.start < 16 {
		return string(hb[8:12]), "", nil
	}
	var e [4]byte
	if _, err := r.ReadAt(e[:], stsd.start+12); err != nil {
		return "", "", errorf(ErrTruncated, "stsd entry")
	}
	return string(hb[8:12]), string(e[:]), nil
}

// tkhdSize reads the track's presentation size (16.16 fixed point).
func tkhdSize(r io.ReaderAt, trak []box) (int, int, error) {
	th, ok := find(trak, "tkhd")
	if !ok {
		return 0, 0, nil
	}
	b, err := read(r, th)
	if err != nil || len(b) < 84 {
		return 0, 0, errorf(ErrTruncated, "short tkhd box")
	}
	n := len(b)
	return int(binary.BigEndian.Uint32(b[n-8:n-4]) >> 16), int(binary.BigEndian.Uint32(b[n-4:]) >> 16), nil
}
