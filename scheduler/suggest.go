package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/email"
	"github.com/relais/relais/connectors/intent"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// Mailer sends e-mail; *email.Mailer is the real one.
type Mailer interface {
	Send(ctx context.Context, msg email.Message) error
}

// KitSender e-mails supporters' share kits, each exactly once, and the
// daily digests of those who chose one (*supporters.Kits).
type KitSender interface {
	SendKits(ctx context.Context, postID int64, suggestionIDs []int64) error
	SendDigests(ctx context.Context) error
}

// EventSuggestions announces new share suggestions in colistiers' inboxes.
const EventSuggestions = "suggestions.new"

// SuggestArgs notifies one batch of a post's suggestions: the post's
// suggestions number Offset to Offset+Limit, by ID.
type SuggestArgs struct {
	PostID int64 `json:"post_id"`
	Offset int   `json:"offset"`
	Limit  int   `json:"limit"`
}

// Kind implements river.JobArgs.
func (SuggestArgs) Kind() string { return "suggest" }

// SuggestWorker runs suggest jobs: one live event for the batch's
// colistiers and one share-kit e-mail per supporter. Nothing goes out in a
// blackout window: the job snoozes until it ends, and checks again before
// each e-mail.
type SuggestWorker struct {
	river.WorkerDefaults[SuggestArgs]
	s *Scheduler
}

// Work implements river.Worker.
func (w *SuggestWorker) Work(ctx context.Context, job *river.Job[SuggestArgs]) error {
	var kits []store.ShareKit
	var b relais.Blackout
	st := w.s.cfg.Store
	err := st.View(ctx, func(tx *store.Tx) (err error) {
		if b, err = tx.Blackout(); err != nil {
			return err
		}
		kits, err = tx.ShareKits(job.Args.PostID, job.Args.Offset, job.Args.Limit)
		return err
	})
	if err != nil {
		return err
	}
	if in, until := b.At(st.Now()); in {
		return river.JobSnooze(until.Sub(st.Now()))
	}
	return w.notify(ctx, kits, b)
}

// notify sends what is not yet notified and marks it, in chunks, so that a
// crash resends at most one chunk.
func (w *SuggestWorker) notify(ctx context.Context, kits []store.ShareKit, b relais.Blackout) error {
	var done, members, supporterKits []int64
	var failed error
	for _, k := range kits {
		if k.Notified {
			continue
		} else if k.SupporterID != 0 && w.s.cfg.Kits != nil {
			supporterKits = append(supporterKits, k.SuggestionID) // the kit sender keeps its own states
			continue
		} else if in, until := b.At(w.s.cfg.Store.Now()); in {
			failed = river.JobSnooze(until.Sub(w.s.cfg.Store.Now()))
			break
		}
		if k.MemberID != 0 {
			members = append(members, k.MemberID)
		} else if err := w.mail(ctx, k); err != nil && connectors.ClassOf(err) != connectors.Permanent {
			failed = err
			break
		}
		done = append(done, k.SuggestionID)
		if len(done)%100 == 0 {
			if err := w.mark(ctx, done[len(done)-100:]); err != nil {
				return err
			}
		}
	}
	if err := w.mark(ctx, done[len(done)-len(done)%100:]); err != nil {
		return err
	}
	if failed == nil && len(supporterKits) > 0 {
		failed = w.s.cfg.Kits.SendKits(ctx, kits[0].PostID, supporterKits)
	}
	if len(members) > 0 && len(kits) > 0 {
		w.s.publish(relais.Event{Type: EventSuggestions, PostID: kits[0].PostID, Data: map[string]any{"member_ids": members},
			Audience: []relais.Role{relais.RoleColistier, relais.RoleAdmin, relais.RoleEditor}})
	}
	return failed
}

func (w *SuggestWorker) mark(ctx context.Context, ids []int64) error {
	ctx = context.WithoutCancel(ctx) // sent mail is recorded even after the job's deadline
	if len(ids) == 0 {
		return nil
	}
	return w.s.cfg.Store.Update(ctx, func(tx *store.Tx) error { return tx.MarkNotified(ids) })
}

// mail sends one share kit. Without a mailer it only logs.
func (w *SuggestWorker) mail(ctx context.Context, k store.ShareKit) error {
	if w.s.cfg.Mailer == nil {
		w.s.log.Debug("no mailer: share kit not sent", slog.Int64("suggestion_id", k.SuggestionID))
		return nil
	}
	err := w.s.cfg.Mailer.Send(ctx, shareKit(k))
	if err != nil {
		w.s.log.Warn("share kit not sent", slog.Int64("suggestion_id", k.SuggestionID), slog.Any("error", err))
	}
	return err
}

// shareKit is the e-mail a supporter receives: the text and one-click
// share links.
func shareKit(k store.ShareKit) email.Message {
	p := map[string]string{"name": k.Name, "text": k.Text, "excerpt": excerpt(k.Text, 60)}
	var b strings.Builder
	b.WriteString(i18n.T(k.Lang, "mail.sharekit.intro", p))
	for _, l := range intent.Links(k.Text, "", "") {
		b.WriteString(i18n.T(k.Lang, "mail.sharekit.link", map[string]string{"label": l.Label, "url": l.URL}))
	}
	b.WriteString(i18n.T(k.Lang, "mail.sharekit.thanks", nil))
	return email.Message{To: []string{k.Email}, Subject: i18n.T(k.Lang, "mail.sharekit.subject", p), Text: b.String(),
		MessageID: fmt.Sprintf("sharekit-%d-%d@relais", k.PostID, k.SuggestionID)}
}

func excerpt(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return string(r)
}
