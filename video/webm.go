package video

import (
	"encoding/binary"
	"io"
	"math"
	"math/bits"
	"time"
)

// Matroska element IDs (https://www.matroska.org/technical/elements.html).
const (
	idEBML          = 0x1A45DFA3
	idDocType       = 0x4282
	idSegment       = 0x18538067
	idInfo          = 0x1549A966
	idTimecodeScale = 0x2AD7B1
	idDuration      = 0x4489
	idTracks        = 0x1654AE6B
	idTrackEntry    = 0xAE
	idTrackType     = 0x83
	idCodecID       = 0x86
	idVideo         = 0xE0
	idPixelWidth    = 0xB0
	idPixelHeight   = 0xBA
	idCluster       = 0x1F43B675
)

// element is an EBML element: its ID and where its data lies.
type element struct {
	id         uint32
	start, end int64
}

// vint reads an EBML variable-length integer at off: its value (marker
// kept for IDs), its length, and whether it is the reserved "unknown".
func vint(r io.ReaderAt, off int64, keepMarker bool) (uint64, int, bool, error) {
	var b [8]byte
	if _, err := r.ReadAt(b[:1], off); err != nil {
		return 0, 0, false, errorf(ErrTruncated, "EBML number at %d", off)
	}
	n := bits.LeadingZeros8(b[0]) + 1
	if n > 8 || (keepMarker && n > 4) {
		return 0, 0, false, errorf(ErrTruncated, "bad EBML number at %d", off)
	}
	if n > 1 {
		if _, err := r.ReadAt(b[1:n], off+1); err != nil {
			return 0, 0, false, errorf(ErrTruncated, "EBML number at %d", off)
		}
	}
	v := uint64(b[0])
	if !keepMarker {
		v &= 0xFF >> n
	}
	for i := 1; i < n; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v, n, !keepMarker && v == (1<<(7*n))-1, nil
}

// elements lists the elements in [from, to); an element of unknown size
// (live recordings) extends to the end. It stops at the first Cluster:
// the metadata comes before the media.
func elements(r io.ReaderAt, from, to int64) ([]element, error) {
	var out []element
	for off := from; off < to && len(out) < 10000; {
		id, n, _, err := vint(r, off, true)
		if err != nil {
			return nil, err
		}
		size, m, unknown, err := vint(r, off+int64(n), false)
		if err != nil {
			return nil, err
		}
		start := off + int64(n+m)
		end := start + int64(size)
		if unknown {
			end = to
		} else if size > uint64(to-start) {
			return nil, errorf(ErrTruncated, "element %X at %d claims %d bytes", id, off, size)
		}
		out = append(out, element{id: uint32(id), start: start, end: end})
		if uint32(id) == idCluster {
			break
		}
		off = end
	}
	return out, nil
}

func findEl(es []element, id uint32) (element, bool) {
	for _, e := range es {
		if e.id == id {
			return e, true
		}
	}
	return element{}, false
}

// data reads a small element's bytes.
func data(r io.ReaderAt, e element) ([]byte, error) {
	if e.end-e.start > 4096 {
		return nil, errorf(ErrTruncated, "element %X too large", e.id)
	}
	b := make([]byte, e.end-e.start)
	if _, err := r.ReadAt(b, e.start); err != nil {
		return nil, errorf(ErrTruncated, "element %X", e.id)
	}
	return b, nil
}

func uintOf(b []byte) uint64 {
	var v uint64
	for _, c := range b {
		v = v<<8 | uint64(c)
	}
	return v
}

func floatOf(b []byte) float64 {
	switch len(b) {
	case 4:
		return float64(math.Float32frombits(binary.BigEndian.Uint32(b)))
	case 8:
		return math.Float64frombits(binary.BigEndian.Uint64(b))
	}
	return 0
}

// probeWebM reads the EBML header's DocType, Segment/Info and Tracks.
func probeWebM(r io.ReaderAt, size int64) (*Info, error) {
	top, err := elements(r, 0, size)
	if err != nil {
		return nil, err
	}
	head, _ := findEl(top, idEBML)
	hk, err := elements(r, head.start, head.end)
	if err != nil {
		return nil, err
	}
	dt, ok := findEl(hk, idDocType)
	if b, err := data(r, dt); !ok || err != nil || (string(b) != "webm" && string(b) != "matroska") {
		return nil, ErrNotVideo
	}
	seg, ok := findEl(top, idSegment)
	if !ok {
		return nil, errorf(ErrTruncated, "no Segment")
	}
	sk, err := elements(r, seg.start, seg.end)
	if err != nil {
		return nil, err
	}
	info := &Info{Container: "webm"}
	if info.Duration, err = webmDuration(r, sk); err != nil {
		return nil, err
	}
	if tr, ok := findEl(sk, idTracks); ok {
		err = webmTracks(r, tr, info)
	}
	return info, err
}

// webmDuration reads Info/Duration in TimecodeScale units (ns).
func webmDuration(r io.ReaderAt, seg []element) (time.Duration, error) {
	in, ok := findEl(seg, idInfo)
	if !ok {
		return 0, errorf(ErrTruncated, "no Info")
	}
	ik, err := elements(r, in.start, in.end)
	if err != nil {
		return 0, err
	}
	scale := uint64(1000000)
	if e, ok := findEl(ik, idTimecodeScale); ok {
		if b, err := data(r, e); err == nil && uintOf(b) > 0 {
			scale = uintOf(b)
		}
	}
	e, ok := findEl(ik, idDuration)
	if !ok {
		return 0, nil
	}
	b, err := data(r, e)
	if err != nil {
		return 0, err
	}
	d := floatOf(b) * float64(scale)
	if d <= 0 || math.IsNaN(d) || d > float64(24*time.Hour) {
		return 0, nil
	}
	return time.Duration(d), nil
}

// webmTracks records the first video track and the first audio codec.
func webmTracks(r io.ReaderAt, tracks element, info *Info) error {
	tk, err := elements(r, tracks.start, tracks.end)
	if err != nil {
		return err
	}
	for _, t := range tk {
		if t.id != idTrackEntry {
			continue
		}
		ek, err := elements(r, t.start, t.end)
		if err != nil {
			return err
		}
		if err := webmTrack(r, ek, info); err != nil {
			return err
		}
	}
	return nil
}

func webmTrack(r io.ReaderAt, ek []element, info *Info) error {
	var typ uint64
	var codec string
	if e, ok := findEl(ek, idTrackType); ok {
		b, err := data(r, e)
		if err != nil {
			return err
		}
		typ = uintOf(b)
	}
	if e, ok := findEl(ek, idCodecID); ok {
		b, err := data(r, e)
		if err != nil {
			return err
		}
		codec = string(b)
	}
	if typ == 2 && info.AudioCodec == "" {
		info.AudioCodec = codec
	}
	v, ok := findEl(ek, idVideo)
	if typ != 1 || !ok || info.VideoCodec != "" {
		return nil
	}
	vk, err := elements(r, v.start, v.end)
	if err != nil {
		return err
	}
	info.VideoCodec = codec
	for _, e := range vk {
		if b, err := data(r, e); err == nil && e.id == idPixelWidth {
			info.Width = int(uintOf(b))
		} else if err == nil && e.id == idPixelHeight {
			info.Height = int(uintOf(b))
		}
	}
	return nil
}
