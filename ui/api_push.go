package ui

import (
	"net/http"

	"github.com/relais/relais/push"
)

// handlePushKey handles GET /api/push/key: the VAPID public key browsers
// subscribe with.
func (s *Server) handlePushKey(w http.ResponseWriter, r *http.Request) {
	k, err := s.cfg.Push.PublicKey(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"public_key": k})
}

// handlePushSubscribe handles POST /api/push/subscriptions: the browser's
// PushSubscription as JSON ({endpoint, keys: {p256dh, auth}}).
func (s *Server) handlePushSubscribe(w http.ResponseWriter, r *http.Request) {
	var in struct {
		push.Subscription
		ExpirationTime *float64 `json:"expirationTime"` // sent by browsers, ignored
	}
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	if err := s.cfg.Push.Subscribe(r.Context(), in.Subscription); err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]bool{"ok": true})
}
