package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// deliveryID reads {delivery} as a delivery id.
func deliveryID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("delivery"), 10, 64)
	if err != nil || id <= 0 {
		return 0, relais.Errorf(relais.ENOTFOUND, "Delivery %q not found.", r.PathValue("delivery"))
	}
	return id, nil
}

// handleDeliveryResolve handles POST /api/posts/{id}/deliveries/{delivery}/resolve
// {published, url?, note?}: a person settles an outcome_unknown delivery.
func (s *Server) handleDeliveryResolve(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var did int64
	if err == nil {
		did, err = deliveryID(r)
	}
	var in approval.ResolveInput
	if err == nil {
		err = decodeJSON(r, &in)
	}
	if err == nil {
		_, err = s.cfg.Approval.Resolve(r.Context(), id, did, in)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusOK, id)
}
