package relais

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxMediaBytes is the largest image accepted (X's limit; each platform's
// own smaller limits are checked by its connector before approval).
const MaxMediaBytes = 5 << 20

// MaxMediaPerPost is how many images a post may carry.
const MaxMediaPerPost = 4

// MediaTypes are the image types relais accepts.
var MediaTypes = []string{"image/jpeg", "image/png", "image/webp", "image/gif"}

// Media is an image attached to posts. Its bytes live in the store; the
// SHA-256 goes into the content hash an approval is bound to.
type Media struct {
	ID          int64     `json:"id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int       `json:"size"`
	SHA256      string    `json:"sha256"`
	AltText     string    `json:"alt_text,omitempty"`
	UploadedBy  int64     `json:"uploaded_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// ValidateMedia checks an upload: a known image type (sniffed from the
// bytes, not trusted from the client), a size limit, a short alt text.
// It returns the sniffed content type.
func ValidateMedia(filename string, data []byte, alt string) (string, error) {
	if len(data) == 0 {
		return "", FieldErrorf("file", "The file is empty.").With("error.file_empty")
	} else if len(data) > MaxMediaBytes {
		size := fmt.Sprintf("%.1f", float64(len(data))/(1<<20))
		return "", (&Error{Code: ETOOLARGE, Field: "file", Message: fmt.Sprintf(
			"%s is %s MB; images may be at most %d MB.", filename, size, MaxMediaBytes>>20)}).
			With("error.image_large", "name", filename, "size", size, "max", strconv.Itoa(MaxMediaBytes>>20))
	}
	ct := http.DetectContentType(data)
	ok := false
	for _, t := range MediaTypes {
		ok = ok || ct == t
	}
	if !ok {
		kind := strings.Split(ct, ";")[0]
		return "", FieldErrorf("file", "%s is %s: only JPEG, PNG, WebP and GIF images are accepted.", filename, kind).
			With("error.image_type", "name", filename, "type", kind)
	} else if !utf8.ValidString(alt) || utf8.RuneCountInString(alt) > 1500 {
		return "", FieldErrorf("alt_text", "The description must be valid text of at most 1,500 characters.").With("error.alt_text")
	}
	return ct, nil
}
