package ui

import (
	"bytes"
	"net/http"
	"time"

	"github.com/relais/relais/analytics"
)

// reportWeek reads ?week=YYYY-Www; without it, the last complete week.
// Weeks are the campaign's (Config.Location).
func (s *Server) reportWeek(r *http.Request) (analytics.Week, error) {
	if q := r.URL.Query().Get("week"); q != "" || r.URL.Query().Has("week") {
		return analytics.ParseWeek(q, s.cfg.Location)
	}
	return analytics.WeekOf(time.Now(), s.cfg.Location).Previous(), nil
}

// handleWeeklyReport handles GET /api/reports/weekly?week=YYYY-Www.
func (s *Server) handleWeeklyReport(w http.ResponseWriter, r *http.Request) {
	wk, err := s.reportWeek(r)
	var rep *analytics.WeeklyReport
	if err == nil {
		rep, err = s.cfg.Analytics.Report(r.Context(), wk, langOf(w, r, memberOf(r).Lang))
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// handleWeeklyReportCSV handles GET /reports/weekly.csv?week=YYYY-Www.
func (s *Server) handleWeeklyReportCSV(w http.ResponseWriter, r *http.Request) {
	wk, err := s.reportWeek(r)
	var rep *analytics.WeeklyReport
	if err == nil {
		rep, err = s.cfg.Analytics.Report(r.Context(), wk, langOf(w, r, memberOf(r).Lang))
	}
	var buf bytes.Buffer
	if err == nil {
		err = analytics.WriteCSV(&buf, rep)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="relais-`+rep.Week+`.csv"`)
	_, _ = w.Write(buf.Bytes())
}
