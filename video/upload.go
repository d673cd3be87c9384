package video

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
)

// MaxUploadBytes is the largest video relais takes (X's 512 MB and
// Bluesky's 100 MB fit; Facebook's 10 GB does not: relais caps it).
const MaxUploadBytes = 1 << 30

// Upload is a resumable upload: the client sends the file in chunks at
// increasing offsets (PATCH with Upload-Offset, as in the tus protocol);
// after a dropped connection it asks for the offset and goes on from there.
type Upload struct {
	ID       string `json:"id"`
	Owner    int64  `json:"owner"`
	Filename string `json:"filename"`
	Size     int64  `json:"size"`
	Offset   int64  `json:"offset"`
	// Platforms the video is meant for: checked against their limits once
	// complete.
	Platforms []relais.Platform `json:"platforms,omitempty"`
	SHA256    string            `json:"sha256,omitempty"` // set once complete and checked
	Info      *Info             `json:"info,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
}

// Complete reports whether every byte arrived and the video was checked.
func (u *Upload) Complete() bool { return u.SHA256 != "" }

// Uploads keeps resumable uploads on disk (never whole in memory): DIR/ID
// holds the bytes, DIR/ID.json the metadata.
type Uploads struct {
	// MaxHeldBytes bounds the bytes one member's uploads may hold while no
	// post carries them (unfinished, or complete and not attached): 0
	// means DefaultMaxHeldBytes (RELAIS_VIDEO_MEMBER_QUOTA).
	MaxHeldBytes int64
	// Attached reports which of the upload ids a post carries that
	// published or may still publish them (nil: none does); those count no
	// more against their owner's MaxHeldBytes.
	Attached func(ctx context.Context, ids []string) (map[string]bool, error)

	dir   string
	mu    sync.Mutex
	locks map[string]*sync.Mutex
}

// NewUploads returns the uploads kept in dir (created if missing).
func NewUploads(dir string) (*Uploads, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Uploads{dir: dir, locks: map[string]*sync.Mutex{}}, nil
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// member returns the signed-in member allowed to upload videos.
func member(ctx context.Context) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	} else if !policy.Can(m, policy.PostCreate, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not write posts.", m.Role).With("error.role_may_not_post", "role", string(m.Role))
	}
	return m, nil
}

// Create starts an upload of size bytes by the signed-in member, for the
// given platforms (their limits are checked once the file is complete).
func (us *Uploads) Create(ctx context.Context, filename string, size int64, platforms ...relais.Platform) (*Upload, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, err
	} else if size <= 0 {
		return nil, relais.FieldErrorf("size", "size must be positive.").With("error.video.size")
	} else if size > MaxUploadBytes {
		return nil, &relais.Error{Code: relais.ETOOLARGE, Field: "size", Message: "A video is at most 1 GB.", Key: "error.video.too_big"}
	} else if filename = cleanName(filename); filename == "" {
		return nil, relais.FieldErrorf("filename", "filename is required.").With("error.video.filename")
	} else if err := checkPlatforms(platforms); err != nil {
		return nil, err
	}
	defer us.lock(ownerLock(m.ID))()
	if err := us.checkHeld(ctx, m.ID, size); err != nil {
		return nil, err
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	u := &Upload{ID: hex.EncodeToString(b), Owner: m.ID, Filename: filename, Size: size, Platforms: platforms, CreatedAt: time.Now().UTC()}
	if err := os.WriteFile(us.path(u.ID), nil, 0o600); err != nil {
		return nil, err
	}
	return u, us.save(u)
}

// cleanName keeps the base name of a valid UTF-8 file name.
func cleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if !utf8.ValidString(name) || len(name) > 255 {
		return ""
	}
	return strings.TrimSpace(name)
}

func (us *Uploads) path(id string) string { return filepath.Join(us.dir, id) }

func (us *Uploads) save(u *Upload) error {
	b, _ := json.Marshal(u)
	tmp := us.path(u.ID) + ".json.tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, us.path(u.ID)+".json")
}

// Get returns the signed-in member's upload id with its current offset.
func (us *Uploads) Get(ctx context.Context, id string) (*Upload, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, err
	}
	return us.load(m, id)
}

// Carried returns upload id whoever made it: only for a post that
// already carries it (the caller checked), never for a member's choice.
func (us *Uploads) Carried(id string) (*Upload, error) { return us.load(nil, id) }

// load returns upload id if m made it (any member's when m is nil).
func (us *Uploads) load(m *relais.Member, id string) (*Upload, error) {
	notFound := relais.Errorf(relais.ENOTFOUND, "Upload not found.").With("error.video.upload_gone")
	if !idPattern.MatchString(id) {
		return nil, notFound
	}
	b, err := os.ReadFile(us.path(id) + ".json")
	var u Upload
	if err != nil || json.Unmarshal(b, &u) != nil || (m != nil && u.Owner != m.ID) {
		return nil, notFound
	}
	st, err := os.Stat(us.path(id))
	if err != nil {
		return nil, notFound
	}
	u.Offset = st.Size()
	return &u, nil
}

func (us *Uploads) lock(id string) func() {
	us.mu.Lock()
	l, ok := us.locks[id]
	if !ok {
		l = &sync.Mutex{}
		us.locks[id] = l
	}
	us.mu.Unlock()
	l.Lock()
	return l.Unlock
}

// Append writes the bytes of r at offset, which must be the upload's
// current offset (ECONFLICT otherwise, with the offset to resume from).
// Whatever arrived before a dropped connection is kept. When the last
// byte arrives the video is hashed and checked: a file that is not a
// valid video is refused and deleted.
func (us *Uploads) Append(ctx context.Context, id string, offset int64, r io.Reader) (*Upload, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, err
	} else if offset < 0 {
		return nil, relais.FieldErrorf("Upload-Offset", "The Upload-Offset header must give the byte offset of this chunk.").With("error.video.offset_header")
	}
	defer us.lock(id)()
	u, err := us.load(m, id)
	if err != nil {
		return nil, err
	} else if u.Complete() || offset != u.Offset {
		return u, relais.Errorf(relais.ECONFLICT, "Resume at byte %d.", u.Offset).With("error.video.resume_at", "offset", strconv.FormatInt(u.Offset, 10))
	}
	f, err := os.OpenFile(us.path(id), os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	n, copyErr := io.Copy(f, io.LimitReader(r, u.Size-u.Offset))
	if err := f.Close(); err != nil {
		return nil, err
	}
	u.Offset += n
	if copyErr != nil {
		return u, relais.Errorf(relais.EINVALID, "Connection lost at byte %d: resume.", u.Offset).With("error.video.connection_lost", "offset", strconv.FormatInt(u.Offset, 10))
	} else if u.Offset < u.Size {
		return u, nil
	}
	return us.finish(u)
}

// finish hashes and checks a complete upload.
func (us *Uploads) finish(u *Upload) (*Upload, error) {
	f, err := os.Open(us.path(u.ID))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := Probe(f, u.Size)
	if err != nil {
		us.remove(u.ID)
		return nil, Explain(err)
	}
	for _, p := range u.Platforms {
		if err := Check(p, info, u.Size); err != nil {
			us.remove(u.ID)
			return nil, err
		}
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	u.SHA256, u.Info = hex.EncodeToString(h.Sum(nil)), info
	return u, us.save(u)
}

func (us *Uploads) remove(id string) {
	_ = os.Remove(us.path(id))
	_ = os.Remove(us.path(id) + ".json")
}

// Open returns the complete upload's file, for publishing.
func (us *Uploads) Open(ctx context.Context, id string) (*Upload, *os.File, error) {
	m, err := member(ctx)
	if err != nil {
		return nil, nil, err
	}
	u, err := us.load(m, id)
	if err == nil && !u.Complete() {
		err = relais.Errorf(relais.ECONFLICT, "The upload is not complete.").With("error.video.incomplete")
	}
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(us.path(id))
	return u, f, err
}

// checkPlatforms refuses unknown platforms and those taking no video.
func checkPlatforms(ps []relais.Platform) error {
	for _, p := range ps {
		if _, ok := PlatformLimits[p]; !ok {
			return relais.FieldErrorf("platforms", "%s does not take videos.", p).With("error.video.no_video", "platform", platformName(p))
		}
	}
	return nil
}
