package analytics

import (
	"context"
	"slices"
	"sort"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// FocusRule is how the "where to focus" list is ranked, written beside it.
var FocusRule = [2]string{
	"Score = (1 − taux de partage des colistiers) × sièges du secteur ; un secteur sans suggestion envoyée compte un taux de 0. Score le plus haut en premier.",
	"Score = (1 − colistiers' share rate) × the sector's seats; a sector with no suggestion sent counts a rate of 0. Highest score first.",
}

// NotAvailable marks a figure relais cannot compute yet.
const NotAvailable = "not available"

// SupporterCounter counts new supporters per district in a week: the
// hook supporters.Service.NewByDistrict fills. Nil: not available.
type SupporterCounter func(ctx context.Context, w Week) (map[string]int64, error)

// SectorRow is one district's week.
type SectorRow struct {
	District       string   `json:"district"`
	Seats          int      `json:"seats"`
	PostsPublished int64    `json:"posts_published"`
	Sent           int64    `json:"suggestions_sent"`
	Shared         int64    `json:"suggestions_shared"`
	Declined       int64    `json:"suggestions_declined"`
	ShareRate      *float64 `json:"share_rate"` // null when nothing was sent
	Clicks         int64    `json:"clicks"`
	Engagement     *int64   `json:"engagement"`     // null when no platform figures
	NewSupporters  *int64   `json:"new_supporters"` // null: not available
	Change         *Change  `json:"change,omitempty"`
}

// Change is a row's difference from the previous week.
type Change struct {
	PostsPublished int64    `json:"posts_published"`
	Shared         int64    `json:"suggestions_shared"`
	Clicks         int64    `json:"clicks"`
	ShareRate      *float64 `json:"share_rate"`     // null when either week sent nothing
	NewSupporters  *int64   `json:"new_supporters"` // null when not available
}

// Focus is one ranked district.
type Focus struct {
	District string  `json:"district"`
	Score    float64 `json:"score"`
}

// Balance is the campaign accounts' posts of the week by whom they serve.
type Balance struct {
	Candidate  int64  `json:"candidate"`
	Colistiers int64  `json:"colistiers"`
	Rule       string `json:"rule"`
}

// WeeklyReport is GET /api/reports/weekly.
type WeeklyReport struct {
	Week      string            `json:"week"`
	From      string            `json:"from"`
	To        string            `json:"to"`
	Window    string            `json:"window"`
	Sources   map[string]string `json:"sources"`
	Sectors   []SectorRow       `json:"sectors"`
	Balance   Balance           `json:"balance"`
	Focus     []Focus           `json:"focus"`
	FocusRule string            `json:"focus_rule"`
	Events    any               `json:"events,omitempty"` // field events and RSVPs per district (issue 17)
}

// Report builds the week's report. Editors, admins, the candidate and
// community managers may read it.
// Supporters' counts follow the reader's supporters.count scope: a
// sector's web lead gets her sector's only (as in her weekly mail).
func (s *Service) Report(ctx context.Context, w Week, lang string) (*WeeklyReport, error) {
	if err := mayRead(ctx); err != nil {
		return nil, err
	}
	_ = s.Clicks.Flush(ctx)
	r, err := s.build(ctx, w, lang)
	if err == nil {
		scopeSupporters(relais.MemberFromContext(ctx), r)
	}
	return r, err
}

// scopeSupporters blanks the new supporters of the districts whose counts
// m may not see (policy.SupportersCount).
func scopeSupporters(m *relais.Member, r *WeeklyReport) {
	d := policy.Allowed(m, policy.SupportersCount, policy.Object{})
	for i, row := range r.Sectors {
		if d.Allowed && (d.Districts == nil || slices.Contains(d.Districts, row.District)) {
			continue
		}
		r.Sectors[i].NewSupporters = nil
		if row.Change != nil {
			c := *row.Change
			c.NewSupporters, r.Sectors[i].Change = nil, &c
		}
	}
}

func (s *Service) build(ctx context.Context, w Week, lang string) (*WeeklyReport, error) {
	cur, err := s.rows(ctx, w)
	if err != nil {
		return nil, err
	}
	prev, err := s.rows(ctx, w.Previous())
	if err != nil {
		return nil, err
	}
	r := &WeeklyReport{Week: w.String(), From: w.From.Format("2006-01-02T15:04:05Z07:00"), To: w.To.Format("2006-01-02T15:04:05Z07:00"),
		Window: "Monday 00:00 to Monday 00:00, " + s.st.Location().String(), Sources: sources(s.NewSupporters != nil), FocusRule: FocusRule[langIndex(lang)]}
	err = s.st.View(ctx, func(tx *store.Tx) (err error) {
		r.Balance.Candidate, r.Balance.Colistiers, err = tx.CampaignBalance(w.From, w.To)
		return err
	})
	r.Balance.Rule = "posts published on the campaign's accounts, counted for colistiers when also published on a colistier's or a district's account"
	r.Sectors = merge(cur, prev)
	r.Focus = focus(r.Sectors)
	if err == nil {
		err = s.fieldEvents(ctx, w, r)
	}
	return r, err
}

// SourceSupporters is where new supporters come from, when counted.
const SourceSupporters = "relais supporters with consent recorded, counted in the week of the later of their creation in relais and their consent"

func sources(supporters bool) map[string]string {
	src := NotAvailable + ": no supporters service"
	if supporters {
		src = SourceSupporters
	}
	return map[string]string{
		"posts_published": "relais deliveries published on the district's accounts",
		"suggestions":     SourceShares,
		"clicks":          SourceRedirect,
		"engagement":      "likes + reposts + replies + quotes, latest collection of the week's publications; " + SourcePlatforms,
		"new_supporters":  src,
	}
}

func langIndex(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}

// merge puts the previous week's changes in the current rows.
func merge(cur, prev map[string]*SectorRow) []SectorRow {
	var out []SectorRow
	for name, r := range cur {
		if p := orEmpty(prev[name], r); p != nil {
			r.Change = &Change{PostsPublished: r.PostsPublished - p.PostsPublished, Shared: r.Shared - p.Shared, Clicks: r.Clicks - p.Clicks}
			if r.ShareRate != nil && p.ShareRate != nil {
				d := *r.ShareRate - *p.ShareRate
				r.Change.ShareRate = &d
			}
			if r.NewSupporters != nil && p.NewSupporters != nil {
				d := *r.NewSupporters - *p.NewSupporters
				r.Change.NewSupporters = &d
			}
		}
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return DistrictLess(out[i].District, out[j].District) })
	return out
}

// DistrictLess orders districts by their leading number ("5e" before
// "10e"), those without one ("Paris Centre") first, then by name.
func DistrictLess(a, b string) bool {
	na, nb := leadingNumber(a), leadingNumber(b)
	if na != nb {
		return na < nb
	}
	return a < b
}

func leadingNumber(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// orEmpty returns p, or for a district the previous week did not know
// (one known only from this week's new supporters) an empty row counting
// no new supporters.
func orEmpty(p, cur *SectorRow) *SectorRow {
	if p != nil || cur.NewSupporters == nil {
		return p
	}
	return &SectorRow{NewSupporters: new(int64)}
}

// focus ranks districts by FocusRule.
func focus(rows []SectorRow) []Focus {
	out := make([]Focus, 0, len(rows))
	for _, r := range rows {
		rate := 0.0
		if r.ShareRate != nil {
			rate = *r.ShareRate
		}
		out = append(out, Focus{District: r.District, Score: round2((1 - rate) * float64(r.Seats))})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].District < out[j].District
	})
	return out
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
