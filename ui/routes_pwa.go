package ui

import (
	"net/http"

	"github.com/relais/relais/video"
)

// pwaRoutes registers the installable web app (manifest, icons, service
// worker, public) and the Terrain screen with its capture API.
func (s *Server) pwaRoutes() {
	s.mux.HandleFunc("GET /manifest.webmanifest", s.handleManifest)
	s.mux.HandleFunc("GET /sw.js", s.handleServiceWorker)
	s.mux.HandleFunc("GET /icons/{name}", s.handleIcon)
	if s.cfg.Push != nil {
		s.api("GET /api/push/key", s.handlePushKey)
		s.api("POST /api/push/subscriptions", s.handlePushSubscribe)
	}
	if s.cfg.Videos != nil {
		s.api("POST /api/videos/uploads", s.handleVideoCreate)
		s.api("GET /api/videos/uploads/{id}", s.handleVideoStatus)
		s.patterns = append(s.patterns, "PATCH /api/videos/uploads/{id}")
		s.mux.Handle("PATCH /api/videos/uploads/{id}", s.apiAuthLimit(uploadDeadline(http.HandlerFunc(s.handleVideoChunk)).ServeHTTP, video.MaxUploadBytes)) // the long deadline once signed in
		s.page("GET /posts/{id}/video", s.handlePostVideo)
	}
	if s.cfg.Capture == nil {
		return
	}
	s.page("GET /terrain", s.handleTerrainPage)
	s.upload("POST /api/capture", s.handleCapture)
}
