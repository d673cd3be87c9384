package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// DigestArgs sends the digest of one day (YYYY-MM-DD, campaign time).
type DigestArgs struct {
	Day string `json:"day"`
}

// Kind implements river.JobArgs.
func (DigestArgs) Kind() string { return "digest" }

// DigestWorker e-mails the morning digest: to the web team and the
// candidate, what awaits a decision, what needs a human (unknown
// outcomes, accounts to reconnect) and what went out in the last day; to
// each colistier with pending suggestions, how many.
type DigestWorker struct {
	river.WorkerDefaults[DigestArgs]
	s *Scheduler
}

// digestJob is the periodic job, unique per day so that replicas and
// restarts never send one day's digest twice.
func digestJob(loc *time.Location) *river.PeriodicJob {
	return river.NewPeriodicJob(schedule(loc, DigestAt), func() (river.JobArgs, *river.InsertOpts) {
		day := time.Now().In(loc).Format("2006-01-02")
		return DigestArgs{Day: day}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{ID: "digest"})
}

// Work builds and sends the digests.
func (w *DigestWorker) Work(ctx context.Context, job *river.Job[DigestArgs]) error {
	var msgs []email.Message
	err := w.s.cfg.Store.View(ctx, func(tx *store.Tx) (err error) {
		msgs, err = digests(tx, job.Args.Day)
		return err
	})
	if err != nil {
		return err
	}
	if w.s.cfg.Mailer == nil {
		w.s.log.Info("digest not sent: no mail server", slog.Int("messages", len(msgs)))
		return nil
	}
	for _, m := range msgs {
		if err := w.s.cfg.Mailer.Send(ctx, m); err != nil {
			w.s.log.Warn("cannot send digest", slog.String("to", m.To[0]), slog.Any("error", err))
		}
	}
	return nil
}

// digests builds the day's messages.
func digests(tx *store.Tx, day string) ([]email.Message, error) {
	team, err := teamDigest(tx)
	if err != nil {
		return nil, err
	}
	var out []email.Message
	for _, role := range policy.Holders(policy.DigestTeam) {
		ms, err := tx.MembersByRole(role)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			p := map[string]string{"name": m.Name, "day": day}
			out = append(out, email.Message{To: []string{m.Email}, Subject: i18n.T(m.Lang, "mail.digest.subject", p),
				Text: i18n.T(m.Lang, "mail.digest.hello", p) + team.text(m.Lang)})
		}
	}
	return append(out, colistierDigests(tx, day)...), nil
}

// teamSummary is what the web team's digest counts.
type teamSummary struct {
	review, recent, unknown int
	dead                    []string
}

// text writes the summary in lang.
func (t teamSummary) text(lang string) string {
	s := i18n.N(lang, "mail.digest.review", t.review, nil) + i18n.N(lang, "mail.digest.published", t.recent, nil) +
		i18n.N(lang, "mail.digest.check", t.unknown, nil)
	if len(t.dead) > 0 {
		s += i18n.T(lang, "mail.digest.reconnect", map[string]string{"accounts": strings.Join(t.dead, ", ")})
	}
	return s
}

// teamDigest is the web team's summary.
func teamDigest(tx *store.Tx) (teamSummary, error) {
	review, err := tx.Posts(store.PostFilter{States: []relais.PostState{relais.PostInReview}, Limit: 1000})
	if err != nil {
		return teamSummary{}, err
	}
	unknown, err := tx.DeliveriesInState(relais.DeliveryOutcomeUnknown, relais.DeliveryHeld)
	if err != nil {
		return teamSummary{}, err
	}
	since := tx.Now().Add(-24 * time.Hour)
	published, err := tx.Posts(store.PostFilter{States: []relais.PostState{relais.PostPublished, relais.PostPartiallyPublished}, Limit: 1000})
	if err != nil {
		return teamSummary{}, err
	}
	recent := 0
	for _, p := range published {
		if p.UpdatedAt.After(since) {
			recent++
		}
	}
	accounts, err := tx.Accounts()
	if err != nil {
		return teamSummary{}, err
	}
	var dead []string
	for _, a := range accounts {
		if a.Status == relais.AccountNeedsReconnect {
			dead = append(dead, fmt.Sprintf("%s @%s", a.Platform, a.Handle))
		}
	}
	return teamSummary{review: len(review), recent: recent, unknown: len(unknown), dead: dead}, nil
}

// colistierDigests tells each colistier how many suggestions await her.
func colistierDigests(tx *store.Tx, day string) []email.Message {
	counts, err := tx.SuggestionCounts()
	if err != nil {
		return nil
	}
	cs, err := tx.MembersByRole(relais.RoleColistier)
	if err != nil {
		return nil
	}
	var out []email.Message
	for _, c := range cs {
		if n := counts[c.ID]["pending"]; n > 0 {
			p := map[string]string{"name": c.Name, "day": day}
			out = append(out, email.Message{To: []string{c.Email}, Subject: i18n.N(c.Lang, "mail.inbox.subject", n, p),
				Text: i18n.N(c.Lang, "mail.inbox.body", n, p)})
		}
	}
	return out
}
