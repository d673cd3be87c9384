package scheduler

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// Outcomes of a recurrence's time.
const (
	RunCreated         = "created"
	RunSkippedBlackout = "skipped_blackout"
	RunMissed          = "missed"
	RunSkippedChanged  = "skipped_changed" // the template was edited, cancelled or rejected since
)

// fire creates the post for time at of r, or says why not.
func (w *RecurWorker) fire(ctx context.Context, tx *store.Tx, r *relais.Recurrence, at time.Time) (string, int64, error) {
	if tx.Now().Sub(at) > w.s.cfg.MissedAfter {
		return RunMissed, 0, nil
	}
	b, err := tx.Blackout()
	if err != nil {
		return "", 0, err
	} else if in, _ := b.At(at); in {
		return RunSkippedBlackout, 0, nil
	}
	tpl, err := tx.PostByID(r.PostID)
	if err != nil {
		return "", 0, err
	} else if !stillApproved(tpl, r) {
		return RunSkippedChanged, 0, nil
	}
	p := occurrence(tpl, at)
	if p.Media, err = tx.CopyMedia(tpl.Media); err != nil {
		return "", 0, err
	}
	p.ContentHash = p.Hash() // the approval covers the images too
	if err := tx.CreatePostBy(p, relais.PostRecur); err != nil {
		return "", 0, err
	}
	if err := tx.AddApproval(&relais.Approval{PostID: p.ID, MemberID: r.CreatedBy, Decision: "approved",
		ContentHash: p.ContentHash, Comment: fmt.Sprintf("recurrence #%d", r.ID)}); err != nil {
		return "", 0, err
	}
	if err := w.s.EnqueueFanOut(ctx, tx.SQL(), p.ID, p.ContentHash, at); err != nil {
		return "", 0, err
	}
	tx.AfterCommit(w.s.Wake)
	err = tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.recur", PostID: p.ID, ContentHash: p.ContentHash,
		Detail: i18n.Code("history.recur", "id", strconv.FormatInt(r.ID, 10), "post", strconv.FormatInt(tpl.ID, 10), "at", at.UTC().Format(time.RFC3339))})
	return RunCreated, p.ID, err
}

// stillApproved reports whether the template still holds the content the
// recurrence was approved for, in an approved state: an edit sends the
// template back to review and changes its hash; cancelled or rejected
// templates stop recurring.
func stillApproved(tpl *relais.Post, r *relais.Recurrence) bool {
	switch tpl.State {
	case relais.PostScheduled, relais.PostPublishing, relais.PostPublished, relais.PostPartiallyPublished:
		return r.ContentHash != "" && tpl.ContentOnlyHash() == r.ContentHash
	}
	return false
}

// occurrence copies the template's approved content to a new scheduled
// post at `at`.
func occurrence(tpl *relais.Post, at time.Time) *relais.Post {
	p := &relais.Post{AuthorID: tpl.AuthorID, Text: tpl.Text, Variants: tpl.Variants, Sensitive: tpl.Sensitive,
		Targets: append([]int64(nil), tpl.Targets...), ScheduledAt: &at,
		Tone: tpl.Tone, Routing: tpl.Routing, Video: tpl.Video, // the same approved video file
		Quote: tpl.Quote, Lang: tpl.Lang} // the quote is approved content
	p.ContentHash = p.Hash()
	return p
}

func ignoreNotFound(err error) error {
	var e *relais.Error
	if errors.As(err, &e) && e.Code == relais.ENOTFOUND {
		return nil
	}
	return err
}
