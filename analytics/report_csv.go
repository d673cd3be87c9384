package analytics

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes the report as CSV: one row per district, then, after a
// blank line, the window and the source of each figure.
func WriteCSV(w io.Writer, r *WeeklyReport) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"week", "district", "seats", "posts_published", "suggestions_sent", "suggestions_shared",
		"suggestions_declined", "share_rate", "clicks", "engagement", "new_supporters", "new_supporters_change", "focus_rank"})
	rank := map[string]int{}
	for i, f := range r.Focus {
		rank[f.District] = i + 1
	}
	for _, s := range r.Sectors {
		_ = cw.Write([]string{r.Week, s.District, strconv.Itoa(s.Seats), i64(s.PostsPublished), i64(s.Sent), i64(s.Shared),
			i64(s.Declined), ratio(s.ShareRate), i64(s.Clicks), opt(s.Engagement), opt(s.NewSupporters), supportersChange(s), strconv.Itoa(rank[s.District])})
	}
	_ = cw.Write([]string{})
	_ = cw.Write([]string{"window", r.From + " / " + r.To + " (" + r.Window + ")"})
	for _, k := range []string{"posts_published", "suggestions", "clicks", "engagement", "new_supporters"} {
		_ = cw.Write([]string{"source:" + k, r.Sources[k]})
	}
	_ = cw.Write([]string{"focus_rule", r.FocusRule})
	cw.Flush()
	return cw.Error()
}

// supportersChange is a row's new supporters minus the previous week's.
func supportersChange(s SectorRow) string {
	if s.Change == nil {
		return NotAvailable
	}
	return opt(s.Change.NewSupporters)
}

func i64(n int64) string { return strconv.FormatInt(n, 10) }

func opt(n *int64) string {
	if n == nil {
		return NotAvailable
	}
	return i64(*n)
}

func ratio(f *float64) string {
	if f == nil {
		return NotAvailable
	}
	return strconv.FormatFloat(*f, 'f', 3, 64)
}
