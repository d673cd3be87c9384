package testclip

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
)

// Mastodon is an httptest server speaking the Mastodon calls a video post
// makes (https://docs.joinmastodon.org/methods/media/#v2 and
// /methods/statuses/#create): POST /api/v2/media answers 202 while
// "processing", GET /api/v1/media/:id answers 206 once then 200, and
// PUT /api/v1/media/:id takes a custom thumbnail, and POST
// /api/v1/statuses creates a status, deduplicated by Idempotency-Key.
// Every call needs "Bearer " + Token.
type Mastodon struct {
	*httptest.Server
	Token string

	mu       sync.Mutex
	Uploads  []string // SHA-256 of each uploaded file
	Thumbs   []string // "media id:SHA-256" of each custom thumbnail
	Statuses []Status
	polled   map[string]bool
}

// Status is a created status.
type Status struct {
	ID, Text, Key, Lang string
	MediaIDs            []string
}

// NewMastodon starts a fake instance accepting token.
func NewMastodon(token string) *Mastodon {
	m := &Mastodon{Token: token, polled: map[string]bool{}}
	m.Server = httptest.NewServer(http.HandlerFunc(m.serve))
	return m
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (m *Mastodon) serve(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+m.Token {
		reply(w, 401, map[string]string{"error": "The access token is invalid"})
		return
	}
	switch {
	case r.Method == "POST" && r.URL.Path == "/api/v2/media":
		m.media(w, r)
	case r.Method == "PUT" && strings.HasPrefix(r.URL.Path, "/api/v1/media/"):
		m.thumbnail(w, r, r.URL.Path[14:])
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/api/v1/media/"):
		id := r.URL.Path[14:]
		if !m.polled[id] {
			m.polled[id] = true
			reply(w, 206, map[string]any{"id": id, "type": "video", "url": nil})
			return
		}
		reply(w, 200, map[string]any{"id": id, "type": "video", "url": m.URL + "/files/" + id + ".mp4"})
	case r.Method == "POST" && r.URL.Path == "/api/v1/statuses":
		m.status(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (m *Mastodon) media(w http.ResponseWriter, r *http.Request) {
	f, h, err := r.FormFile("file")
	if err != nil || h.Header.Get("Content-Type") == "" {
		reply(w, 422, map[string]string{"error": "Validation failed: File can't be blank"})
		return
	}
	sum := sha256.New()
	_, _ = io.Copy(sum, f)
	m.Uploads = append(m.Uploads, hex.EncodeToString(sum.Sum(nil)))
	reply(w, 202, map[string]any{"id": strconv.Itoa(1000 + len(m.Uploads)), "type": "video", "url": nil,
		"description": r.FormValue("description")})
}

func (m *Mastodon) thumbnail(w http.ResponseWriter, r *http.Request, id string) {
	f, _, err := r.FormFile("thumbnail")
	if err != nil {
		reply(w, 422, map[string]string{"error": "Validation failed: Thumbnail can't be blank"})
		return
	}
	sum := sha256.New()
	_, _ = io.Copy(sum, f)
	m.Thumbs = append(m.Thumbs, id+":"+hex.EncodeToString(sum.Sum(nil)))
	reply(w, 200, map[string]any{"id": id, "type": "video", "preview_url": m.URL + "/files/" + id + ".png"})
}

func (m *Mastodon) status(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Status   string   `json:"status"`
		MediaIDs []string `json:"media_ids"`
		Language string   `json:"language"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || (in.Status == "" && len(in.MediaIDs) == 0) {
		reply(w, 422, map[string]string{"error": "Validation failed: Text can't be blank"})
		return
	}
	key := r.Header.Get("Idempotency-Key")
	for _, s := range m.Statuses {
		if key != "" && s.Key == key {
			reply(w, 200, map[string]any{"id": s.ID, "url": m.URL + "/@campagne/" + s.ID})
			return
		}
	}
	s := Status{ID: strconv.Itoa(5000 + len(m.Statuses)), Text: in.Status, Key: key, Lang: in.Language, MediaIDs: in.MediaIDs}
	m.Statuses = append(m.Statuses, s)
	reply(w, 200, map[string]any{"id": s.ID, "url": m.URL + "/@campagne/" + s.ID, "content": "<p>" + in.Status + "</p>"})
}

// Thumbnails returns the custom thumbnails set so far.
func (m *Mastodon) Thumbnails() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.Thumbs...)
}

// Snapshot returns the uploads and statuses so far.
func (m *Mastodon) Snapshot() ([]string, []Status) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.Uploads...), append([]Status(nil), m.Statuses...)
}
