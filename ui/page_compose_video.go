package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// composeVideo is the compose form's video: the id of a complete
// resumable upload (POST /api/videos/uploads, then PATCH its chunks), its
// description, and optionally an uploaded image as thumbnail.
type composeVideo struct {
	UploadID  string
	AltText   string
	Thumbnail int64
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
	return composeVideo{UploadID: v.UploadID, AltText: v.AltText, Thumbnail: v.ThumbnailID}
}

// videoMessages are the compose form's video strings, merged into messages.
var videoMessages = map[string][2]string{
	"compose.video":           {"Vidéo (à la place des images)", "Video (instead of images)"},
	"compose.video_help":      {"Identifiant d'un envoi de vidéo terminé (l'écran Terrain et l'API /api/videos/uploads en créent). Une miniature est facultative : une image envoyée ci-dessus, sinon chaque réseau choisit la sienne.", "Id of a completed video upload (the Field screen and the /api/videos/uploads API make them). A thumbnail is optional: an image uploaded above, otherwise each network picks its own."},
	"compose.video_upload":    {"Envoi de la vidéo", "Video upload"},
	"compose.video_alt":       {"Description de la vidéo", "Video description"},
	"compose.video_thumbnail": {"Miniature (numéro d'image, facultatif)", "Thumbnail (image number, optional)"},
	"field.video":             {"Vidéo", "Video"},
	"post.video":              {"Vidéo", "Video"},
}

func init() {
	for k, v := range videoMessages {
		messages[k] = v
	}
}
