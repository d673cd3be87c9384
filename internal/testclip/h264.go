package testclip

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// Playable returns an MP4 that browsers decode and play: an H.264
// Baseline stream of w×h pixels (multiples of 16) at fps frames a second,
// frames long, every frame an IDR picture of I_PCM macroblocks (raw
// samples, so that no encoder is needed), in a complete sample table
// (avcC, stts, stsc, stsz, stco). Each frame's colours differ.
// H.264 is ITU-T Rec. H.264 (SPS 7.3.2.1, PPS 7.3.2.2, slice 7.3.3,
// I_PCM 7.3.5); the boxes are ISO/IEC 14496-12 and -15 (avcC).
func Playable(w, h, fps, frames int) []byte {
	sps, pps := h264SPS(w, h), h264PPS()
	samples := make([][]byte, frames)
	for i := range samples {
		samples[i] = lengthPrefixed(h264IDR(w, h, i))
	}
	const timescale = 1000
	delta := timescale / fps
	trak := func(offset uint32) []byte {
		return playableTrak(w, h, uint32(delta*frames), avcC(sps, pps), samples, uint32(delta), offset)
	}
	ftyp := box("ftyp", []byte("isom"), u32(512), []byte("isomiso2avc1mp41"))
	moov := func(offset uint32) []byte {
		return box("moov", mvhd(timescale, uint32(delta*frames)), trak(offset))
	}
	offset := uint32(len(ftyp) + len(moov(0)) + 8)
	return bytes.Join([][]byte{ftyp, moov(offset), box("mdat", bytes.Join(samples, nil))}, nil)
}

func u16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }

// full is a full box: version 0 and flags.
func full(typ string, flags uint32, payload ...[]byte) []byte {
	return box(typ, append([][]byte{u32(flags)}, payload...)...)
}

// matrix is the identity transformation of mvhd and tkhd.
func matrix() []byte {
	return bytes.Join([][]byte{u32(0x10000), u32(0), u32(0), u32(0), u32(0x10000), u32(0), u32(0), u32(0), u32(0x40000000)}, nil)
}

func mvhd(timescale, duration uint32) []byte {
	return full("mvhd", 0, u32(0), u32(0), u32(timescale), u32(duration), u32(0x10000), u16(0x100), make([]byte, 10),
		matrix(), make([]byte, 24), u32(2))
}

func playableTrak(w, h int, duration uint32, avcc []byte, samples [][]byte, delta, offset uint32) []byte {
	tkhd := full("tkhd", 3, u32(0), u32(0), u32(1), u32(0), u32(duration), make([]byte, 8), u16(0), u16(0), u16(0), u16(0),
		matrix(), u32(uint32(w)<<16), u32(uint32(h)<<16))
	mdhd := full("mdhd", 0, u32(0), u32(0), u32(1000), u32(duration), u16(0x55c4), u16(0))
	hdlr := full("hdlr", 0, u32(0), []byte("vide"), make([]byte, 12), []byte("VideoHandler\x00"))
	entry := box("avc1", make([]byte, 6), u16(1), make([]byte, 16), u16(uint16(w)), u16(uint16(h)), u32(0x480000), u32(0x480000),
		u32(0), u16(1), make([]byte, 32), u16(0x18), u16(0xffff), avcc)
	sizes := [][]byte{u32(0), u32(uint32(len(samples)))}
	for _, s := range samples {
		sizes = append(sizes, u32(uint32(len(s))))
	}
	stbl := box("stbl", full("stsd", 0, u32(1), entry), full("stts", 0, u32(1), u32(uint32(len(samples))), u32(delta)),
		full("stsc", 0, u32(1), u32(1), u32(uint32(len(samples))), u32(1)), full("stsz", 0, sizes...),
		full("stco", 0, u32(1), u32(offset)))
	dinf := box("dinf", full("dref", 0, u32(1), full("url ", 1)))
	minf := box("minf", full("vmhd", 1, make([]byte, 8)), dinf, stbl)
	return box("trak", tkhd, box("mdia", mdhd, hdlr, minf))
}

// avcC is the decoder configuration: one SPS and one PPS, NAL lengths on
// four bytes.
func avcC(sps, pps []byte) []byte {
	return box("avcC", []byte{1, sps[1], sps[2], sps[3], 0xff, 0xe1}, u16(uint16(len(sps))), sps, []byte{1}, u16(uint16(len(pps))), pps)
}

func lengthPrefixed(nal []byte) []byte { return append(u32(uint32(len(nal))), nal...) }

// bitWriter writes an RBSP bit by bit, with Exp-Golomb codes (9.1).
type bitWriter struct {
	buf  []byte
	nbit int
}

func (b *bitWriter) bit(v uint) {
	if b.nbit%8 == 0 {
		b.buf = append(b.buf, 0)
	}
	if v != 0 {
		b.buf[len(b.buf)-1] |= 0x80 >> (b.nbit % 8)
	}
	b.nbit++
}

func (b *bitWriter) bits(v uint, n int) {
	for i := n - 1; i >= 0; i-- {
		b.bit(v >> i & 1)
	}
}

func (b *bitWriter) ue(v uint) {
	n := bits.Len(v + 1)
	b.bits(0, n-1)
	b.bits(v+1, n)
}

func (b *bitWriter) se(v int) {
	if v > 0 {
		b.ue(uint(2*v - 1))
	} else {
		b.ue(uint(-2 * v))
	}
}

func (b *bitWriter) align() {
	for b.nbit%8 != 0 {
		b.bit(0)
	}
}

// trailing ends the RBSP (rbsp_trailing_bits).
func (b *bitWriter) trailing() {
	b.bit(1)
	b.align()
}

// nal wraps an RBSP with its header byte, inserting emulation prevention
// bytes (7.4.1).
func nal(header byte, rbsp []byte) []byte {
	out := []byte{header}
	zeros := 0
	for _, c := range rbsp {
		if zeros >= 2 && c <= 3 {
			out, zeros = append(out, 3), 0
		}
		out = append(out, c)
		if c == 0 {
			zeros++
		} else {
			zeros = 0
		}
	}
	return out
}

// element is one syntax element of an RBSP as the syntax tables of 7.3
// describe it: u(n), ue(v) or se(v).
type element func(*bitWriter)

func u(v uint, n int) element { return func(b *bitWriter) { b.bits(v, n) } }
func ue(v uint) element       { return func(b *bitWriter) { b.ue(v) } }
func se(v int) element        { return func(b *bitWriter) { b.se(v) } }

// put writes els in order.
func (b *bitWriter) put(els ...element) {
	for _, e := range els {
		e(b)
	}
}

// paramSet is the NAL unit of header byte hdr whose RBSP is els and the
// trailing bits.
func paramSet(hdr byte, els ...element) []byte {
	var b bitWriter
	b.put(els...)
	b.trailing()
	return nal(hdr, b.buf)
}

// h264SPS: Baseline profile, level 3.0, picture order count type 2
// (seq_parameter_set_rbsp, 7.3.2.1.1).
func h264SPS(w, h int) []byte {
	return paramSet(0x67,
		u(66, 8),         // profile_idc: Baseline
		u(0xc0, 8),       // constraint_set0 and 1
		u(30, 8),         // level_idc 3.0
		ue(0),            // seq_parameter_set_id
		ue(0),            // log2_max_frame_num_minus4
		ue(2),            // pic_order_cnt_type
		ue(1),            // max_num_ref_frames
		u(0, 1),          // gaps_in_frame_num_value_allowed_flag
		ue(uint(w/16-1)), // pic_width_in_mbs_minus1
		ue(uint(h/16-1)), // pic_height_in_map_units_minus1
		u(1, 1),          // frame_mbs_only_flag
		u(1, 1),          // direct_8x8_inference_flag
		u(0, 1),          // frame_cropping_flag
		u(0, 1),          // vui_parameters_present_flag
	)
}

// h264PPS: CAVLC, one slice group, no deblocking control
// (pic_parameter_set_rbsp, 7.3.2.2).
func h264PPS() []byte {
	return paramSet(0x68,
		ue(0),   // pic_parameter_set_id
		ue(0),   // seq_parameter_set_id
		u(0, 1), // entropy_coding_mode_flag: CAVLC
		u(0, 1), // bottom_field_pic_order_in_frame_present_flag
		ue(0),   // num_slice_groups_minus1
		ue(0),   // num_ref_idx_l0_default_active_minus1
		ue(0),   // num_ref_idx_l1_default_active_minus1
		u(0, 1), // weighted_pred_flag
		u(0, 2), // weighted_bipred_idc
		se(0),   // pic_init_qp_minus26
		se(0),   // pic_init_qs_minus26
		se(0),   // chroma_qp_index_offset
		u(0, 1), // deblocking_filter_control_present_flag
		u(0, 1), // constrained_intra_pred_flag
		u(0, 1), // redundant_pic_cnt_present_flag
	)
}

// h264IDR is frame n: one I slice of I_PCM macroblocks whose colours
// move with n and the macroblock's place.
func h264IDR(w, h, n int) []byte {
	var b bitWriter
	b.put(
		ue(0),         // first_mb_in_slice
		ue(7),         // slice_type: I (all slices)
		ue(0),         // pic_parameter_set_id
		u(0, 4),       // frame_num
		ue(uint(n%2)), // idr_pic_id: consecutive IDR pictures differ
		u(0, 1),       // no_output_of_prior_pics_flag
		u(0, 1),       // long_term_reference_flag
		se(0),         // slice_qp_delta
	)
	for mb := 0; mb < w/16*(h/16); mb++ {
		b.ue(25) // mb_type: I_PCM
		b.align()
		x, y := mb%(w/16), mb/(w/16)
		luma, cb, cr := byte(40+(x*12+n*9)%180), byte(60+(y*20+n*5)%140), byte(200-(x*7+n*3)%120)
		b.buf = append(b.buf, bytes.Repeat([]byte{luma}, 256)...)
		b.buf = append(b.buf, bytes.Repeat([]byte{cb}, 64)...)
		b.buf = append(b.buf, bytes.Repeat([]byte{cr}, 64)...)
		b.nbit += 384 * 8
	}
	b.trailing()
	return nal(0x65, b.buf)
}
