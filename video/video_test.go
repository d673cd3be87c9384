package video

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
)

func probeBytes(b []byte) (*Info, error) { return Probe(bytes.NewReader(b), int64(len(b))) }

func TestProbeMP4MOVWebM(t *testing.T) {
	info, err := probeBytes(buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 12500, w: 1280, h: 720, codec: "avc1", audio: true, mdat: 4096}))
	require.NoError(t, err)
	require.Equal(t, &Info{Container: "mp4", Duration: 12500 * time.Millisecond, Width: 1280, Height: 720, VideoCodec: "avc1", AudioCodec: "mp4a"}, info)

	info, err = probeBytes(buildMP4(mp4Spec{brand: "qt  ", timescale: 600, dur: 600 * 30, w: 1080, h: 1920, codec: "hvc1", mdat: 100, moovLast: true}))
	require.NoError(t, err)
	require.Equal(t, "mov", info.Container)
	require.Equal(t, "video/quicktime", info.ContentType())
	require.Equal(t, 30*time.Second, info.Duration)
	require.Equal(t, [2]int{1080, 1920}, [2]int{info.Width, info.Height})

	info, err = probeBytes(webmSpec(45250, 1920, 1080, "V_VP9"))
	require.NoError(t, err)
	require.Equal(t, &Info{Container: "webm", Duration: 45250 * time.Millisecond, Width: 1920, Height: 1080, VideoCodec: "V_VP9", AudioCodec: "A_OPUS"}, info)
}

func TestProbeRefusesBadInput(t *testing.T) {
	good := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 5000, w: 640, h: 360, codec: "avc1", mdat: 2000, moovLast: true})
	for name, c := range map[string]struct {
		data []byte
		want error
	}{
		"truncated mp4":  {good[:len(good)/2], ErrTruncated},
		"truncated moov": {good[:len(good)-40], ErrTruncated},
		"truncated webm": {webmSpec(1000, 640, 360, "V_VP8")[:60], ErrTruncated},
		"png":            {append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), ErrNotVideo},
		"text":           {[]byte("Bonjour, ceci n'est pas une vidéo du tout."), ErrNotVideo},
		"tiny":           {[]byte("abc"), ErrNotVideo},
		"zero seconds":   {buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 0, w: 640, h: 360, codec: "avc1"}), ErrEmpty},
		"zero webm":      {webmSpec(0, 640, 360, "V_VP8"), ErrEmpty},
		"audio only":     {buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 5000, codec: "avc1"}), ErrNoTrack},
	} {
		_, err := probeBytes(c.data)
		require.ErrorIs(t, err, c.want, name)
		ex := Explain(err)
		require.Equal(t, "file", relais.ErrorField(ex), name)
		key, _ := relais.ErrorKey(ex)
		require.True(t, i18n.Has(key), "%s: a catalogue key, for each reader's language", name)
	}
}

func TestCheckNamesPlatformAndLimit(t *testing.T) {
	clip := &Info{Container: "mp4", Duration: 141 * time.Second, Width: 1280, Height: 720, VideoCodec: "avc1"}
	err := Check(relais.PlatformX, clip, 10<<20)
	require.Equal(t, "file", relais.ErrorField(err))
	require.Contains(t, relais.ErrorMessage(err), "X: at most 140.0 s (this is 141.0 s)")
	require.NoError(t, Check(relais.PlatformBluesky, clip, 10<<20))
	require.Contains(t, relais.ErrorMessage(Check(relais.PlatformBluesky, clip, 101<<20)), "Bluesky: at most 100.0 MB")
	webm := &Info{Container: "webm", Duration: 10 * time.Second, Width: 640, Height: 360, VideoCodec: "V_VP9"}
	require.Contains(t, relais.ErrorMessage(Check(relais.PlatformTelegram, webm, 1<<20)), "Telegram does not accept webm")
	require.NoError(t, Check(relais.PlatformMastodon, webm, 1<<20))
	hevc := &Info{Container: "mov", Duration: 10 * time.Second, Width: 1280, Height: 720, VideoCodec: "hvc1"}
	require.Contains(t, relais.ErrorMessage(Check(relais.PlatformX, hevc, 1<<20)), "requires H.264")
	tall := &Info{Container: "mp4", Duration: 10 * time.Second, Width: 200, Height: 1000, VideoCodec: "avc1"}
	require.Contains(t, relais.ErrorMessage(Check(relais.PlatformX, tall, 1<<20)), "aspect ratio")
	require.Error(t, Check(relais.PlatformWebhook, clip, 1))
	key, params := relais.ErrorKey(Check(relais.PlatformX, clip, 1))
	require.Equal(t, "Vidéo : X accepte 140.0 s au plus (ici 141.0 s).", i18n.T("fr", key, params))
	require.Equal(t, "Video: X allows at most 140.0 s (this is 141.0 s).", i18n.T("en", key, params))
}

func FuzzProbe(f *testing.F) {
	f.Add(buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 5000, w: 640, h: 360, codec: "avc1", audio: true, mdat: 16}))
	f.Add(webmSpec(1000, 640, 360, "V_VP8"))
	f.Add([]byte("\x00\x00\x00\x01ftyp\xff\xff\xff\xff\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := probeBytes(b)
		if err == nil && (info.Duration <= 0 || info.Width <= 0 || info.Height <= 0 || info.VideoCodec == "") {
			t.Fatalf("accepted %+v", info)
		} else if err != nil && !errors.Is(err, ErrNotVideo) && !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNoTrack) {
			t.Fatalf("unexpected error %v", err)
		}
	})
}

// BenchmarkProbe100MB checks a 100 MB MP4 whose moov box follows the media
// data (as phones write it), from a file on disk.
func BenchmarkProbe100MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "clip.mp4")
	head := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 60000, w: 1280, h: 720, codec: "avc1", audio: true})
	ftyp, moov := head[:24], head[24:len(head)-8]
	const mdat = 100 << 20
	f, err := os.Create(path)
	require.NoError(b, err)
	_, _ = f.Write(ftyp)
	_, _ = f.Write(append(u32(mdat+8), "mdat"...))
	_, _ = f.Seek(mdat, 1)
	_, _ = f.Write(moov)
	st, _ := f.Stat()
	b.ResetTimer()
	for b.Loop() {
		info, err := Probe(f, st.Size())
		if err != nil || info.Duration != time.Minute {
			b.Fatal(info, err)
		}
	}
	f.Close()
}
