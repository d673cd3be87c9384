package videoup

import (
	"bytes"
	"image"
	_ "image/jpeg" // Telegram's thumbnails are JPEG: their size is read
	"io"
	"slices"
)

// Image is a thumbnail sent with a video, for the platforms whose video
// API takes one (docs/PLATFORMS.md): Facebook's Page video "thumb",
// Telegram's sendVideo "thumbnail". Mastodon's is set after the upload
// (package videopost); X's and Bluesky's APIs take none.
type Image struct {
	Data        []byte
	ContentType string
}

// section reads the image as a multipart file.
func (im *Image) section() *io.SectionReader {
	return io.NewSectionReader(bytes.NewReader(im.Data), 0, int64(len(im.Data)))
}

// telegramThumbBytes and telegramThumbSide are sendVideo's documented thumbnail limits: JPEG,
// under 200 kB, at most 320 pixels wide and high.
const telegramThumbBytes, telegramThumbSide = 200_000, 320

// telegramThumb returns the parts that send im as sendVideo's thumbnail
// ("attach://thumb", the file under the part "thumb"), or none when im
// is missing or outside Telegram's limits (Telegram then makes its own).
// https://core.telegram.org/bots/api#sendvideo
func telegramThumb(im *Image) []part {
	if im == nil || im.ContentType != "image/jpeg" || len(im.Data) >= telegramThumbBytes {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Data))
	if err != nil || cfg.Width > telegramThumbSide || cfg.Height > telegramThumbSide {
		return nil
	}
	return []part{{name: "thumbnail", value: "attach://thumb"},
		{name: "thumb", file: im.section(), filename: "thumb.jpg", contentType: im.ContentType}}
}

// facebookThumbTypes are the image types relais sends as a Page video's
// "thumb" (Facebook takes BMP, GIF, JPEG, PNG and TIFF up to 10 MB).
var facebookThumbTypes = []string{"image/jpeg", "image/png", "image/gif"}

// facebookThumb returns the "thumb" part of POST /{page-id}/videos, or
// none when im is missing or of a type Facebook does not take.
// https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating
func facebookThumb(im *Image) []part {
	if im == nil || !slices.Contains(facebookThumbTypes, im.ContentType) || len(im.Data) > 10<<20 {
		return nil
	}
	return []part{{name: "thumb", file: im.section(), filename: "thumb", contentType: im.ContentType}}
}
