package ui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/video"
)

// composeVideo is the compose form's video: the id of a complete
// resumable upload (made by the page's widget, static/compose_video.js,
// through POST /api/videos/uploads and PATCHes of its chunks), its
// description, and optionally an uploaded image as thumbnail.
type composeVideo struct {
	UploadID  string
	AltText   string
	Thumbnail int64
	// Summary describes a saved post's video (file, size, duration).
	Summary string
}

// Platforms lists the platforms that take videos, for the widget: it
// asks the upload to be checked against the chosen targets' limits.
func (composeVideo) Platforms() string {
	var out []string
	for p := range video.PlatformLimits {
		out = append(out, string(p))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// readVideoForm reads the video fields; no upload id, no video.
func readVideoForm(r *http.Request) (composeVideo, *approval.VideoInput) {
	v := composeVideo{UploadID: strings.TrimSpace(r.FormValue("video_upload")), AltText: r.FormValue("video_alt")}
	v.Thumbnail, _ = strconv.ParseInt(r.FormValue("video_thumbnail"), 10, 64)
	if v.UploadID == "" {
		return v, nil
	}
	return v, &approval.VideoInput{UploadID: v.UploadID, AltText: v.AltText, Thumbnail: v.Thumbnail}
}

// videoForm fills the form with a saved post's video.
func videoForm(v *relais.PostVideo) composeVideo {
	if v == nil {
		return composeVideo{}
	}
	return composeVideo{UploadID: v.UploadID, AltText: v.AltText, Thumbnail: v.ThumbnailID,
		Summary: fmt.Sprintf("%s — %d×%d, %.0f s", v.Filename, v.Width, v.Height, v.Seconds)}
}
