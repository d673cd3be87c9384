package video

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

func as(id int64, role relais.Role) context.Context {
	return relais.NewContextWithMember(context.Background(), &relais.Member{ID: id, Role: role})
}

// dropAfter returns n bytes of r, then fails as a dropped connection does.
type dropAfter struct {
	r io.Reader
	n int64
}

func (d *dropAfter) Read(p []byte) (int, error) {
	if d.n <= 0 {
		return 0, errors.New("connection reset by peer")
	}
	if int64(len(p)) > d.n {
		p = p[:d.n]
	}
	n, err := d.r.Read(p)
	d.n -= int64(n)
	return n, err
}

func TestUploadResumesAfterDroppedConnection(t *testing.T) {
	us, err := NewUploads(t.TempDir())
	require.NoError(t, err)
	clip := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 20000, w: 720, h: 1280, codec: "avc1", audio: true, mdat: 300 << 10, moovLast: true})
	for i := range clip[100 : 300<<10] {
		clip[100+i] = byte(i * 7) // media bytes that differ, so that a lost or doubled chunk changes the hash
	}
	want := sha256.Sum256(clip)
	ctx := as(7, relais.RoleCommunityManager)
	u, err := us.Create(ctx, "../../marché.mp4", int64(len(clip)))
	require.NoError(t, err)
	require.Equal(t, "marché.mp4", u.Filename)

	half := int64(len(clip) / 2)
	u, err = us.Append(ctx, u.ID, 0, &dropAfter{r: bytes.NewReader(clip), n: half})
	require.Error(t, err, "the connection dropped halfway")
	require.Equal(t, half, u.Offset)
	got, err := us.Get(ctx, u.ID)
	require.NoError(t, err)
	require.Equal(t, half, got.Offset, "the client asks where to resume")
	require.False(t, got.Complete())

	_, err = us.Append(ctx, u.ID, 0, bytes.NewReader(clip))
	require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "a chunk at the wrong offset is refused")
	require.Contains(t, relais.ErrorMessage(err), "Resume at byte "+strconv.FormatInt(half, 10))

	u, err = us.Append(ctx, u.ID, half, bytes.NewReader(clip[half:]))
	require.NoError(t, err)
	require.True(t, u.Complete())
	require.Equal(t, hex.EncodeToString(want[:]), u.SHA256, "same SHA-256 as the file")
	require.Equal(t, 20*time.Second, u.Info.Duration)
	require.Equal(t, "avc1", u.Info.VideoCodec)

	_, f, err := us.Open(ctx, u.ID)
	require.NoError(t, err)
	stored, _ := io.ReadAll(f)
	f.Close()
	require.Equal(t, clip, stored)

	_, err = us.Get(as(8, relais.RoleCommunityManager), u.ID)
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err), "another member's upload is hidden")
	_, err = us.Create(as(9, relais.RoleColistier), "x.mp4", 10)
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))
	_, err = us.Get(ctx, "../../etc/passwd")
	require.Equal(t, relais.ENOTFOUND, relais.ErrorCode(err))
}

func TestUploadRefusesBadVideosAndKeepsNothing(t *testing.T) {
	dir := t.TempDir()
	us, err := NewUploads(dir)
	require.NoError(t, err)
	ctx := as(7, relais.RoleEditor)
	full := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 5000, w: 640, h: 360, codec: "avc1", mdat: 4000, moovLast: true})
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"not a video":  {[]byte(strings.Repeat("Ceci n'est pas une vidéo. ", 20)), "not an MP4, MOV or WebM"},
		"truncated":    {full[:len(full)-30], "truncated"},
		"zero seconds": {buildMP4(mp4Spec{brand: "isom", timescale: 1000, w: 640, h: 360, codec: "avc1", mdat: 100}), "0 seconds"},
	} {
		u, err := us.Create(ctx, "clip.mp4", int64(len(c.data)))
		require.NoError(t, err, name)
		_, err = us.Append(ctx, u.ID, 0, bytes.NewReader(c.data))
		require.Equal(t, "file", relais.ErrorField(err), name)
		require.Contains(t, relais.ErrorMessage(err), c.want, name)
	}
	entries, _ := os.ReadDir(dir)
	require.Empty(t, entries, "refused videos leave nothing on disk")

	long := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 150000, w: 1280, h: 720, codec: "avc1", mdat: 100})
	u, err := us.Create(ctx, "long.mp4", int64(len(long)), relais.PlatformBluesky, relais.PlatformX)
	require.NoError(t, err)
	_, err = us.Append(ctx, u.ID, 0, bytes.NewReader(long))
	require.Contains(t, relais.ErrorMessage(err), "X: at most 140.0 s (this is 150.0 s)", "the platform and its limit are named")
	_, err = us.Create(ctx, "x.mp4", 100, relais.PlatformWebhook)
	require.Equal(t, "platforms", relais.ErrorField(err))
	entries, _ = os.ReadDir(dir)
	require.Empty(t, entries)

	_, err = us.Create(ctx, "big.mp4", MaxUploadBytes+1)
	require.Equal(t, relais.ETOOLARGE, relais.ErrorCode(err))
	for i := 0; i < maxOpenPerMember; i++ {
		_, err = us.Create(ctx, "a.mp4", 100)
		require.NoError(t, err)
	}
	_, err = us.Create(ctx, "a.mp4", 100)
	require.Equal(t, relais.ERATELIMIT, relais.ErrorCode(err), "unfinished uploads per member are bounded")
}

// zeros is a reader of n zero bytes that allocates nothing per read.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	clear(p)
	z.n -= int64(len(p))
	return len(p), nil
}

// rssKB reads the process's resident set size.
func rssKB(tb testing.TB) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// BenchmarkUpload100MB streams a 100 MB video through Append in 8 MB
// chunks and reports the growth of the resident set (target ≤ 20 MB).
func BenchmarkUpload100MB(b *testing.B) {
	head := buildMP4(mp4Spec{brand: "isom", timescale: 1000, dur: 60000, w: 1280, h: 720, codec: "avc1", audio: true})
	ftyp, moov := head[:24], head[24:len(head)-8]
	const mdat = 100 << 20
	size := int64(len(ftyp) + 8 + mdat + len(moov))
	ctx := as(1, relais.RoleEditor)
	var growth int64
	for b.Loop() {
		us, _ := NewUploads(b.TempDir())
		runtime.GC()
		before := rssKB(b)
		u, err := us.Create(ctx, "clip.mp4", size)
		require.NoError(b, err)
		body := io.MultiReader(bytes.NewReader(ftyp), bytes.NewReader(append(u32(mdat+8), "mdat"...)), &zeros{mdat}, bytes.NewReader(moov))
		for off := int64(0); off < size; {
			chunk := min(8<<20, size-off)
			u, err = us.Append(ctx, u.ID, off, io.LimitReader(body, chunk))
			require.NoError(b, err)
			off = u.Offset
		}
		require.True(b, u.Complete())
		growth = max(growth, rssKB(b)-before)
	}
	b.ReportMetric(float64(growth)/1024, "MB-rss-growth")
	b.SetBytes(size)
}
