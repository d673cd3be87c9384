package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais/approval"
)

// handleDeliveryResolvePage handles POST /posts/{id}/deliveries/{delivery}/resolve
// from the post page: outcome=published (with url) or failed.
func (s *Server) handleDeliveryResolvePage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var did int64
	if err == nil {
		did, err = deliveryID(r)
	}
	if err == nil {
		_, err = s.cfg.Approval.Resolve(r.Context(), id, did, approval.ResolveInput{
			Published: r.FormValue("outcome") == "published", URL: r.FormValue("url"), Note: r.FormValue("note")})
	}
	if err != nil {
		if id > 0 {
			s.renderPost(w, r, id, err)
			return
		}
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/posts/"+strconv.FormatInt(id, 10)+"?ok=resolved", http.StatusSeeOther)
}
