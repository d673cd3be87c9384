package relais

import (
	"testing"
	"time"
)

func TestHashCoversTheVideo(t *testing.T) {
	base := func() *Post {
		return &Post{Text: "Au marché", Targets: []int64{1}, Video: &PostVideo{UploadID: "a", SHA256: "aaa", AltText: "Anne au marché"}}
	}
	h := base().Hash()
	for name, change := range map[string]func(p *Post){
		"another file":      func(p *Post) { p.Video.SHA256 = "bbb" },
		"another alt text":  func(p *Post) { p.Video.AltText = "Anne à la gare" },
		"a thumbnail":       func(p *Post) { p.Video.ThumbnailSHA256 = "ccc" },
		"no video any more": func(p *Post) { p.Video = nil },
	} {
		p := base()
		change(p)
		if p.Hash() == h {
			t.Errorf("%s: the hash did not change", name)
		}
	}
	p := base()
	p.Video.UploadID, p.Video.Filename = "b", "other-name.mp4" // same bytes under another upload
	if p.Hash() != h {
		t.Error("the hash follows the bytes, not the upload's id or name")
	}
}

func TestPostCarriesVideoOrImagesNotBoth(t *testing.T) {
	p := &Post{Text: "x", Targets: []int64{1}, Video: &PostVideo{SHA256: "a"}, Media: []Media{{ID: 1}}}
	if err := p.Validate(time.Now()); ErrorField(err) != "video" {
		t.Fatalf("want a video field error, got %v", err)
	}
	p.Media = nil
	if err := p.Validate(time.Now()); err != nil {
		t.Fatal(err)
	}
}
