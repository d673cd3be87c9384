package analytics

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// SystemReport builds a week's report for the system (the Monday mail),
// without a signed-in caller.
func (s *Service) SystemReport(ctx context.Context, w Week, lang string) (*WeeklyReport, error) {
	_ = s.Clicks.Flush(ctx)
	return s.build(ctx, w, lang)
}

// ReportMails returns the week's report e-mails: the whole report to each
// editor without a district, her sector's figures to each sector's web
// lead (an editor with a district), each in her language.
func (s *Service) ReportMails(ctx context.Context, w Week) ([]email.Message, error) {
	editors, err := s.mailRecipients(ctx)
	if err != nil {
		return nil, err
	}
	reports := map[string]*WeeklyReport{}
	var out []email.Message
	for _, m := range editors {
		lang := "fr"
		if m.Lang == "en" {
			lang = "en"
		}
		if reports[lang] == nil {
			r, err := s.SystemReport(ctx, w, lang)
			if err != nil {
				return nil, err
			}
			reports[lang] = r
		}
		out = append(out, email.Message{To: []string{m.Email}, Subject: mailSubject(lang, w, m.District),
			Text: mailText(reports[lang], lang, m.District, s.st.Location()), MessageID: fmt.Sprintf("report-%s-%d@relais", w, m.ID)})
	}
	return out, nil
}

func mailSubject(lang string, w Week, district string) string {
	s := "Rapport hebdomadaire " + w.String()
	if lang == "en" {
		s = "Weekly report " + w.String()
	}
	if district != "" {
		s += " — " + district
	}
	return s
}

// mailText writes the report as plain text: one block per sector (only
// the reader's for a web lead), the focus list with its rule, the window
// and the sources.
func mailText(r *WeeklyReport, lang, district string, loc *time.Location) string {
	t := func(fr, en string) string {
		if lang == "en" {
			return en
		}
		return fr
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s → %s (%s)\n\n", t("Période :", "Window:"), r.From, r.To, loc)
	for _, s := range r.Sectors {
		if district != "" && s.District != district {
			continue
		}
		fmt.Fprintf(&b, "%s\n  %s %d · %s %d/%d (%s %s) · %s %d · %s %s · %s %s\n", s.District,
			t("publications", "posts"), s.PostsPublished, t("suggestions partagées", "suggestions shared"), s.Shared, s.Sent,
			t("taux", "rate"), ratio(s.ShareRate), t("clics", "clicks"), s.Clicks, t("engagement", "engagement"), opt(s.Engagement),
			t("nouveaux soutiens", "new supporters"), opt(s.NewSupporters)+weekChange(s, lang))
	}
	fmt.Fprintf(&b, "\n%s\n%s\n", t("Où concentrer l'effort", "Where to focus"), r.FocusRule)
	for i, f := range r.Focus {
		if district == "" || f.District == district {
			fmt.Fprintf(&b, "  %d. %s (%.2f)\n", i+1, f.District, f.Score)
		}
	}
	b.WriteString("\n" + t("Sources :", "Sources:") + "\n")
	for _, k := range []string{"posts_published", "suggestions", "clicks", "engagement", "new_supporters"} {
		fmt.Fprintf(&b, "  %s: %s\n", k, r.Sources[k])
	}
	return b.String()
}

// mailRecipients returns the members whose role receives the weekly report
// by mail (policy.AnalyticsMail: the editors).
func (s *Service) mailRecipients(ctx context.Context) ([]*relais.Member, error) {
	var out []*relais.Member
	err := s.st.View(ctx, func(tx *store.Tx) error {
		for _, r := range policy.Holders(policy.AnalyticsMail) {
			ms, err := tx.MembersByRole(r)
			if err != nil {
				return err
			}
			out = append(out, ms...)
		}
		return nil
	})
	return out, err
}

// weekChange is " (+n vs previous week)" for a row's new supporters, or
// nothing when either week has no count.
func weekChange(s SectorRow, lang string) string {
	if s.Change == nil || s.Change.NewSupporters == nil {
		return ""
	}
	if lang == "en" {
		return fmt.Sprintf(" (%+d vs previous week)", *s.Change.NewSupporters)
	}
	return fmt.Sprintf(" (%+d par rapport à la semaine précédente)", *s.Change.NewSupporters)
}
