package ui

import (
	"fmt"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
)

// reportMetrics are the figures the report page can chart and colour the
// map by.
var reportMetrics = []string{"clicks", "share_rate", "shared", "posts", "engagement", "new_supporters"}

// bar is one horizontal bar of a server-rendered SVG chart.
type bar struct {
	Label, Name, Value string
	Y, W               int  // top and width in the 320-wide view box
	Missing            bool // no figure: drawn as a hatched stub, said in words
}

// tile is one sector of the report's map, coloured by the chosen metric.
type tile struct {
	Name, Short, Value string
	X, Y, Bucket       int
}

type reportPage struct {
	Page
	Period  string // the week's Monday to Sunday
	Sources []source
	Report  *analytics.WeeklyReport
	Metric  string
	Metrics []string
	Bars    []bar
	Height  int
	Tiles   []tile
	Prev    string
	Next    string
}

// metricValue returns a row's figure for metric, ok=false when missing.
func metricValue(r analytics.SectorRow, metric string) (float64, string, bool) {
	switch metric {
	case "share_rate":
		if r.ShareRate == nil {
			return 0, "", false
		}
		return *r.ShareRate, fmt.Sprintf("%d %%", int(*r.ShareRate*100+0.5)), true
	case "shared":
		return float64(r.Shared), fmt.Sprint(r.Shared), true
	case "posts":
		return float64(r.PostsPublished), fmt.Sprint(r.PostsPublished), true
	case "engagement":
		return optValue(r.Engagement)
	case "new_supporters":
		return optValue(r.NewSupporters)
	}
	return float64(r.Clicks), fmt.Sprint(r.Clicks), true
}

// optValue is a figure that may be missing.
func optValue(n *int64) (float64, string, bool) {
	if n == nil {
		return 0, "", false
	}
	return float64(*n), fmt.Sprint(*n), true
}

// handleReportPage handles GET /reports/weekly?week=YYYY-Www&metric=….
func (s *Server) handleReportPage(w http.ResponseWriter, r *http.Request) {
	p := reportPage{Page: s.newPage(w, r, "report.title", "report"), Metric: r.URL.Query().Get("metric"), Metrics: reportMetrics}
	if !contains(reportMetrics, p.Metric) {
		p.Metric = "clicks"
	}
	wk, err := s.reportWeek(r)
	if err == nil {
		p.Report, err = s.cfg.Analytics.Report(r.Context(), wk, p.Lang)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Prev, p.Next = wk.Previous().String(), analytics.WeekOf(wk.To.AddDate(0, 0, 1), s.cfg.Location).String()
	p.Period, p.Sources = period(wk, p.Lang, s.cfg.Location), reportSources(p.Page, p.Report)
	p.Bars, p.Height = bars(s.cfg.Districts, p.Report.Sectors, p.Metric)
	p.Tiles = tiles(s.cfg.Districts, p.Report.Sectors, p.Metric)
	s.render(w, http.StatusOK, "report", p)
}

func bars(districts relais.Districts, rows []analytics.SectorRow, metric string) ([]bar, int) {
	maxV := 0.0
	for _, r := range rows {
		if v, _, ok := metricValue(r, metric); ok && v > maxV {
			maxV = v
		}
	}
	out := make([]bar, 0, len(rows))
	for i, r := range rows {
		v, label, ok := metricValue(r, metric)
		b := bar{Label: shortName(districts, r.District), Name: r.District, Value: label, Y: i * 22, Missing: !ok}
		if ok && maxV > 0 {
			b.W = int(v / maxV * 180)
		}
		out = append(out, b)
	}
	return out, len(rows)*22 + 4
}

func tiles(districts relais.Districts, rows []analytics.SectorRow, metric string) []tile {
	byName := map[string]analytics.SectorRow{}
	maxV := 0.0
	for _, r := range rows {
		byName[r.District] = r
		if v, _, ok := metricValue(r, metric); ok && v > maxV {
			maxV = v
		}
	}
	var out []tile
	for _, sec := range districts {
		t := tile{Name: sec.Name, Short: sec.Label(), X: (sec.Tile.Col - 1) * 64, Y: (sec.Tile.Row - 1) * 48, Value: "—"}
		if r, found := byName[sec.Name]; found {
			if v, label, ok := metricValue(r, metric); ok {
				t.Value = label
				if maxV > 0 {
					t.Bucket = 1 + min(int(v/maxV*4), 3)
				}
			}
		}
		out = append(out, t)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// shortName is a district's short label (the Paris sectors' "11e"), or
// its name cut to fit the chart.
func shortName(districts relais.Districts, name string) string {
	if sec, ok := districts.ByName(name); ok {
		return sec.Label()
	}
	if r := []rune(name); len(r) > 14 {
		return string(r[:13]) + "…"
	}
	return name
}

type experimentPage struct {
	Page
	PText string // the p-value, when there is one
	// The window, source, delay and outcome in the page's language.
	Source, DecideAfter, Outcome string
	Exp                          *analytics.ExperimentView
	Bars                         []expBar
	Height                       int
}

// expBar is a variant's rate with its 95 % interval, in a 320-wide box.
type expBar struct {
	analytics.VariantView
	Y, W, Lo, Hi int
	Winner       bool
}

// handleExperimentPage handles GET /experiments/{id}.
func (s *Server) handleExperimentPage(w http.ResponseWriter, r *http.Request) {
	p := experimentPage{Page: s.newPage(w, r, "experiment.title", "experiments")}
	id, err := idParam(r, "Experiment")
	if err == nil {
		p.Exp, err = s.cfg.Analytics.Experiment(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Exp.PValue != nil {
		p.PText = fmt.Sprintf("%.4f", *p.Exp.PValue)
	}
	p.Source, p.DecideAfter, p.Outcome = experimentSource(p.Page, p.Exp.Metric), hoursText(p.Exp.DecideAfter), outcomeText(p.Page, p.Exp.Outcome)
	p.Exp.Rule = analytics.DecisionRule[0]
	if p.Lang == "en" {
		p.Exp.Rule = analytics.DecisionRule[1]
	}
	for i, v := range p.Exp.Variants {
		p.Bars = append(p.Bars, expBar{VariantView: v, Y: i * 40, W: int(v.Rate * 200), Lo: int(v.CILow * 200), Hi: int(v.CIHigh * 200),
			Winner: v.Label == p.Exp.Winner})
	}
	p.Height = len(p.Bars)*40 + 24
	s.render(w, http.StatusOK, "experiment", p)
}
