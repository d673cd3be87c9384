package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleCalendarMove handles POST /calendar/move {post, scheduled_at}: the
// calendar's keyboard and no-script way to reschedule (dragging uses the
// JSON API). Blackout windows and routing are re-checked by the service.
func (s *Server) handleCalendarMove(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.FormValue("post"), 10, 64)
	if err != nil || id <= 0 {
		s.pageError(w, r, relais.FieldErrorf("post", "Unknown post."))
		return
	}
	at, err := parseLocal(r.FormValue("scheduled_at"), s.cfg.Location)
	if err != nil {
		s.pageError(w, r, (&relais.Error{Code: relais.EINVALID, Field: "scheduled_at", Message: "Invalid date."}).With("error.bad_date", "value", r.FormValue("scheduled_at")))
		return
	}
	if _, err := s.cfg.Approval.Reschedule(r.Context(), id, approval.RescheduleInput{ScheduledAt: &at}); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, moveNext(r.FormValue("next"), at.Format("2006-01-02"))+"&moved="+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
