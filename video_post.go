package relais

// PostVideo is the one video a post may carry instead of images: a
// complete resumable upload (package video) checked by reading its
// container. Its SHA-256, its alt text and its thumbnail's SHA-256 go into
// the content hash an approval is bound to, so a post whose video changes
// after approval goes back to review.
//
// The thumbnail is optional: an image the author uploads like any other
// (relais does not extract a frame from the video). Without one each
// platform shows its own (Bluesky, X, Mastodon and Facebook pick a frame;
// Telegram shows the first one).
type PostVideo struct {
	UploadID    string  `json:"upload_id"`
	SHA256      string  `json:"sha256"`
	Filename    string  `json:"filename"`
	ContentType string  `json:"content_type"`
	Size        int64   `json:"size"`
	Width       int     `json:"width,omitempty"`
	Height      int     `json:"height,omitempty"`
	Seconds     float64 `json:"seconds,omitempty"`
	AltText     string  `json:"alt_text,omitempty"` // the caption for screen readers
	// ThumbnailID is an uploaded image shown before the video plays (0:
	// none); ThumbnailSHA256 is its hash.
	ThumbnailID     int64  `json:"thumbnail_id,omitempty"`
	ThumbnailSHA256 string `json:"thumbnail_sha256,omitempty"`
}

// hashed is what of v the content hash covers.
func (v *PostVideo) hashed() []string {
	if v == nil {
		return nil
	}
	return []string{v.SHA256, v.AltText, v.ThumbnailSHA256}
}
