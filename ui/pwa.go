package ui

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"sync"
)

// manifest is the web app manifest: the dashboard installs on a phone and
// opens on the Terrain screen.
func (s *Server) manifest() map[string]any {
	return map[string]any{
		"name": "relais", "short_name": "relais", "lang": "fr",
		"description": "Réseaux sociaux de campagne / Campaign social media",
		"start_url":   "/terrain", "scope": "/", "display": "standalone",
		"background_color": "#f6f5f2", "theme_color": "#1f4fd1",
		"icons": []map[string]string{
			{"src": s.pages.assets["icon.svg"], "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
			{"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
			{"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
		},
	}
}

// handleManifest handles GET /manifest.webmanifest.
func (s *Server) handleManifest(w http.ResponseWriter, r *http.Request) {
	b, _ := json.Marshal(s.manifest())
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("Content-Type", "application/manifest+json")
	_, _ = w.Write(b)
}

// handleServiceWorker handles GET /sw.js: served from the root so that its
// scope is the whole dashboard.
func (s *Server) handleServiceWorker(w http.ResponseWriter, r *http.Request) {
	b, err := staticFS.ReadFile("static/sw.js")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

// icons are the PNG icons, drawn once.
var icons = sync.OnceValue(func() map[string][]byte {
	return map[string][]byte{"icon-192.png": drawIcon(192), "icon-512.png": drawIcon(512)}
})

// handleIcon handles GET /icons/{name}.
func (s *Server) handleIcon(w http.ResponseWriter, r *http.Request) {
	b, ok := icons()[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(b)
}

// drawIcon draws the app icon at size×size: a white relay mark (two
// arrows' bars) on the accent colour, inside the maskable safe zone.
func drawIcon(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	accent, white := color.RGBA{0x1f, 0x4f, 0xd1, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}
	fillRect(img, 0, 0, size, size, accent)
	u := size / 16
	fillRect(img, 4*u, 5*u, 11*u, 7*u, white)  // upper bar
	fillRect(img, 5*u, 9*u, 12*u, 11*u, white) // lower bar
	fillRect(img, 9*u, 3*u, 11*u, 7*u, white)  // upper arrow head
	fillRect(img, 5*u, 9*u, 7*u, 13*u, white)  // lower arrow head
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.RGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			img.SetRGBA(x, y, c)
		}
	}
}
