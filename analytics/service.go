package analytics

import (
	"context"
	"log/slog"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// Service answers the analytics API. Every method checks its caller here,
// not only in handlers.
type Service struct {
	st     *store.Store
	Linker *Linker
	Clicks *Clicks
	log    *slog.Logger

	// Seats weighs districts in the "where to focus" ranking (the demo's
	// Paris sectors); a district not listed counts 1.
	Seats map[string]int
	// NewSupporters counts new supporters per district (issue 16's hook);
	// nil reports them as not available.
	NewSupporters SupporterCounter
	// FieldEvents sums the week's field events and RSVPs (issue 17's
	// hook); nil leaves them out.
	FieldEvents EventSummer
	// Posts creates the experiments' variant posts (the approval service)
	// and Jobs schedules their decisions (the scheduler).
	Posts PostCreator
	Jobs  ExperimentJobs
}

// New returns the analytics service. linker may be nil (no tracked links).
func New(st *store.Store, linker *Linker, log *slog.Logger) *Service {
	if log == nil {
		log = slog.Default()
	}
	return &Service{st: st, Linker: linker, Clicks: NewClicks(st, log), log: log}
}

// Redirector returns the /l/{code} handler, counting into s.Clicks.
func (s *Service) Redirector() *Redirector { return NewRedirector(s.st, s.Clicks) }

// caller returns the signed-in member or EUNAUTHORIZED.
func caller(ctx context.Context) (*relais.Member, error) {
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	return m, nil
}

// mayRead allows the web team, the candidate and editors: the roles that
// draft. Colistiers see their own district's figures elsewhere.
func mayRead(ctx context.Context) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.AnalyticsRead, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Only the campaign team may read analytics.")
	}
	return nil
}

// LinkView is one tracked link of a post, as GET /api/posts/{id}/links
// returns it.
type LinkView struct {
	Code     string `json:"code"`
	Short    string `json:"short"`
	URL      string `json:"url"`
	Channel  string `json:"channel"`
	Variant  string `json:"variant"`
	District string `json:"district"`
	Clicks   int64  `json:"clicks"`
}

// PostLinks returns a post's tracked links and their clicks since
// publication (counted by relais's redirect; bots and prefetches excluded).
func (s *Service) PostLinks(ctx context.Context, postID int64) ([]LinkView, error) {
	if err := mayRead(ctx); err != nil {
		return nil, err
	}
	_ = s.Clicks.Flush(ctx) // the figures include the clicks of the last seconds
	out := []LinkView{}
	err := s.st.View(ctx, func(tx *store.Tx) error {
		if _, err := tx.PostByID(postID); err != nil {
			return err
		}
		ls, err := tx.PostLinks(postID)
		for _, l := range ls {
			out = append(out, LinkView{Code: l.Code, Short: s.short(l.Code), URL: l.URL, Channel: l.Channel,
				Variant: l.Variant, District: l.District, Clicks: l.Clicks})
		}
		return err
	})
	return out, err
}

func (s *Service) short(code string) string {
	if s.Linker == nil {
		return "/l/" + code
	}
	return s.Linker.ShortURL(code)
}

// SetLinkOptOut makes an account publish naked links (optOut) or tracked
// ones. Managers only; audited.
func (s *Service) SetLinkOptOut(ctx context.Context, accountID int64, optOut bool) error {
	m, err := caller(ctx)
	if err != nil {
		return err
	} else if !policy.Can(m, policy.LinksManage, policy.Object{}) {
		return relais.Errorf(relais.EFORBIDDEN, "Only admins and editors may change an account's links.")
	}
	return s.st.Update(ctx, func(tx *store.Tx) error {
		if _, err := tx.AccountByID(accountID); err != nil {
			return err
		}
		if err := tx.SetLinkOptOut(accountID, optOut); err != nil {
			return err
		}
		detail := "tracked links"
		if optOut {
			detail = "naked links"
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: m.Name, Action: "account.links",
			Detail: detail + " for account " + strconv.FormatInt(accountID, 10)})
	})
}
