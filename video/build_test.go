package video

import (
	"bytes"
	"encoding/binary"
	"math"
)

// Test files are built here, box by box, so that no binary is committed.

func mp4Box(typ string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(out, typ...), body...)
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// mp4Spec describes a generated MP4.
type mp4Spec struct {
	brand          string // "isom" or "qt  "
	timescale, dur uint32
	w, h           int
	codec          string
	audio          bool
	mdat           int  // media data bytes (zeros)
	moovLast       bool // moov after mdat, as cameras write it
}

func buildMP4(s mp4Spec) []byte {
	ftyp := mp4Box("ftyp", []byte(s.brand), u32(0), []byte("isomavc1"))
	mvhd := mp4Box("mvhd", u32(0), u32(0), u32(0), u32(s.timescale), u32(s.dur), make([]byte, 80))
	moov := mp4Box("moov", mvhd, track("vide", s.codec, s.w, s.h))
	if s.audio {
		moov = mp4Box("moov", mvhd, track("vide", s.codec, s.w, s.h), track("soun", "mp4a", 0, 0))
	}
	mdat := mp4Box("mdat", make([]byte, s.mdat))
	if s.moovLast {
		return bytes.Join([][]byte{ftyp, mdat, moov}, nil)
	}
	return bytes.Join([][]byte{ftyp, moov, mdat}, nil)
}

func track(handler, codec string, w, h int) []byte {
	tkhd := mp4Box("tkhd", u32(0), make([]byte, 72), u32(uint32(w)<<16), u32(uint32(h)<<16))
	hdlr := mp4Box("hdlr", u32(0), u32(0), []byte(handler), make([]byte, 13))
	entry := mp4Box(codec, make([]byte, 70))
	stsd := mp4Box("stsd", u32(0), u32(1), entry)
	mdia := mp4Box("mdia", hdlr, mp4Box("minf", mp4Box("stbl", stsd)))
	return mp4Box("trak", tkhd, mdia)
}

// ebml encodes one element with a 1-to-4-byte ID and an 8-byte size.
func ebml(id uint32, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	var out []byte
	for shift := 24; shift >= 0; shift -= 8 {
		if b := byte(id >> shift); b != 0 || len(out) > 0 {
			out = append(out, b)
		}
	}
	size := binary.BigEndian.AppendUint64(nil, uint64(len(body)))
	size[0] = 0x01
	return append(append(out, size...), body...)
}

func webmSpec(durMS float64, w, h int, codec string) []byte {
	head := ebml(idEBML, ebml(idDocType, []byte("webm")))
	info := ebml(idInfo, ebml(idTimecodeScale, []byte{0x0F, 0x42, 0x40}),
		ebml(idDuration, binary.BigEndian.AppendUint64(nil, math.Float64bits(durMS))))
	video := ebml(idVideo, ebml(idPixelWidth, u32(uint32(w))), ebml(idPixelHeight, u32(uint32(h))))
	tracks := ebml(idTracks, ebml(idTrackEntry, ebml(idTrackType, []byte{1}), ebml(idCodecID, []byte(codec)), video),
		ebml(idTrackEntry, ebml(idTrackType, []byte{2}), ebml(idCodecID, []byte("A_OPUS"))))
	seg := ebml(idSegment, info, tracks, ebml(idCluster, make([]byte, 64)))
	return append(head, seg...)
}
