package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// handleScheduleCheck handles GET /api/schedule/check?scheduled_at=&
// account=&account=&post=: the warnings a date would meet on those
// accounts (another post too close, an electoral blackout), in the
// caller's language, for the compose page as the date or accounts change.
// It writes nothing.
func (s *Server) handleScheduleCheck(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	at, err := time.Parse(time.RFC3339, q.Get("scheduled_at"))
	if err != nil {
		s.apiError(w, r, (&relais.Error{Code: relais.EINVALID, Field: "scheduled_at", Message: "Invalid date (RFC 3339)."}).With("error.bad_date", "value", q.Get("scheduled_at")))
		return
	}
	var accounts []int64
	for _, v := range q["account"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			accounts = append(accounts, id)
		}
	}
	except, _ := strconv.ParseInt(q.Get("post"), 10, 64)
	c, err := s.cfg.Approval.CheckDate(r.Context(), at, accounts, except)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string][]apiWarning{"warnings": dateWarnings(requestLang(r), s.cfg.Location, c)})
}

// dateWarnings words a date check for a reader of lang, times in loc.
func dateWarnings(lang string, loc *time.Location, c approval.DateCheck) []apiWarning {
	out := []apiWarning{}
	if !c.BlackoutUntil.IsZero() {
		params := map[string]string{"until": c.BlackoutUntil.UTC().Format(time.RFC3339)}
		out = append(out, apiWarning{Code: relais.EBLACKOUT, Field: "scheduled_at", Params: params,
			Message: fill(lang, translate(lang, "error.blackout"), params, loc)})
	}
	return append(out, conflictWarnings(lang, loc, c.Conflicts)...)
}
