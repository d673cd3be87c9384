package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testMP4 builds a small MP4 (ftyp, mdat, then moov as phones write it)
// of dur seconds at 1280×720, H.264.
func testMP4(dur uint32, mdat int) []byte {
	box := func(typ string, payload ...[]byte) []byte {
		body := bytes.Join(payload, nil)
		return append(append(binary.BigEndian.AppendUint32(nil, uint32(8+len(body))), typ...), body...)
	}
	u32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	media := make([]byte, mdat)
	for i := range media {
		media[i] = byte(i * 31)
	}
	tkhd := box("tkhd", u32(0), make([]byte, 72), u32(1280<<16), u32(720<<16))
	stsd := box("stsd", u32(0), u32(1), box("avc1", make([]byte, 70)))
	mdia := box("mdia", box("hdlr", u32(0), u32(0), []byte("vide"), make([]byte, 13)), box("minf", box("stbl", stsd)))
	moov := box("moov", box("mvhd", u32(0), u32(0), u32(0), u32(1000), u32(dur*1000), make([]byte, 80)), box("trak", tkhd, mdia))
	return bytes.Join([][]byte{box("ftyp", []byte("isom"), u32(0), []byte("isomavc1")), box("mdat", media), moov}, nil)
}

// patchThenDrop sends a PATCH announcing the whole rest of the file but
// closes the connection after n bytes, as a phone losing its network does.
func patchThenDrop(t *testing.T, base, path, token string, body []byte, n int) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	fmt.Fprintf(c, "PATCH %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: %d\r\n\r\n",
		path, strings.TrimPrefix(base, "http://"), token, len(body))
	_, err = c.Write(body[:n])
	require.NoError(t, err)
	time.Sleep(200 * time.Millisecond)
	require.NoError(t, c.Close())
}

func TestVideoUploadResumesOverHTTP(t *testing.T) {
	t.Parallel()
	tm := mustRunDemo(t)
	token := tm.cli("user", "token", "--email", "cm@demo.relais.fr")
	clip := testMP4(30, 256<<10)
	sum := sha256.Sum256(clip)

	var u struct {
		ID     string `json:"id"`
		Offset int64  `json:"offset"`
		SHA256 string `json:"sha256"`
		Info   struct {
			Width      int    `json:"width"`
			VideoCodec string `json:"video_codec"`
		} `json:"info"`
	}
	body := fmt.Sprintf(`{"filename":"marche.mp4","size":%d,"platforms":["x","bluesky","mastodon"]}`, len(clip))
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/videos/uploads", body, &u))
	path := "/api/videos/uploads/" + u.ID

	half := len(clip) / 2
	patchThenDrop(t, tm.URL, path, token, clip, half)
	require.Eventually(t, func() bool {
		return tm.call(token, "GET", path, nil, &u) == http.StatusOK && u.Offset == int64(half)
	}, 5*time.Second, 50*time.Millisecond, "the bytes before the drop are kept")

	req, _ := http.NewRequest("PATCH", tm.URL+path, bytes.NewReader(clip[half:]))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Upload-Offset", fmt.Sprint(half))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	require.Equal(t, http.StatusOK, tm.call(token, "GET", path, nil, &u))
	require.Equal(t, hex.EncodeToString(sum[:]), u.SHA256, "resumed upload, same SHA-256")
	require.Equal(t, 1280, u.Info.Width)

	// A clip over X's 140 s is refused once complete, X and its limit named.
	long := testMP4(150, 1000)
	require.Equal(t, http.StatusCreated, tm.call(token, "POST", "/api/videos/uploads", fmt.Sprintf(`{"filename":"long.mp4","size":%d,"platforms":["x"]}`, len(long)), &u))
	req, _ = http.NewRequest("PATCH", tm.URL+"/api/videos/uploads/"+u.ID+"?lang=en", bytes.NewReader(long)) // French by default
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Upload-Offset", "0")
	var e apiErr
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.NoError(t, json.Unmarshal(b, &e))
	require.Equal(t, "file", e.Error.Field)
	require.Equal(t, "Video: X allows at most 140.0 s (this is 150.0 s).", e.Error.Message, "in the language asked for, English only")
	require.Equal(t, http.StatusNotFound, tm.call(token, "GET", "/api/videos/uploads/"+u.ID, nil, nil), "nothing kept")
}
