package scheduler

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// FanOutArgs creates a post's deliveries and suggestions when its time comes.
type FanOutArgs struct {
	PostID      int64  `json:"post_id"`
	ContentHash string `json:"content_hash"`
}

// Kind implements river.JobArgs.
func (FanOutArgs) Kind() string { return "fan_out" }

// FanOutWorker runs fan_out jobs.
type FanOutWorker struct {
	river.WorkerDefaults[FanOutArgs]
	s *Scheduler
}

// Work creates, in one transaction, one delivery per target account, one
// suggestion per colistier and supporter of the targeted districts, and
// one deliver job per delivery. Posts no longer scheduled are skipped; in a
// blackout window the job snoozes until the window ends.
func (w *FanOutWorker) Work(ctx context.Context, job *river.Job[FanOutArgs]) error {
	st := w.s.cfg.Store
	var snooze time.Duration
	err := st.Update(ctx, func(tx *store.Tx) error {
		post, err := tx.PostForUpdate(job.Args.PostID)
		if err != nil {
			return err
		} else if post.State != relais.PostScheduled || post.ContentHash != job.Args.ContentHash {
			w.s.log.Info("fan-out skipped", slog.Int64("post_id", post.ID), slog.String("state", string(post.State)))
			return nil
		}
		if b, err := tx.Blackout(); err != nil {
			return err
		} else if in, until := b.At(tx.Now()); in {
			snooze = until.Sub(tx.Now())
			return nil
		}
		if variant, err := w.s.fanOutArm(ctx, tx, post); variant || err != nil {
			return err // an experiment's variant goes to its sample only
		}
		return w.fanOut(ctx, tx, post)
	})
	if err != nil {
		return err
	} else if snooze > 0 {
		return river.JobSnooze(snooze)
	}
	return nil
}

func (w *FanOutWorker) fanOut(ctx context.Context, tx *store.Tx, post *relais.Post) error {
	ds, err := tx.CreateDeliveries(post.ID, post.Targets, func(int64) string { return newKey(post.ID) })
	if err != nil {
		return fmt.Errorf("cannot create deliveries: %w", err)
	}
	if err := w.s.suggest(ctx, tx, post); err != nil {
		return err
	}
	params := make([]river.InsertManyParams, 0, len(ds))
	for _, d := range ds {
		if d.State == relais.DeliveryPending {
			params = append(params, river.InsertManyParams{Args: DeliverArgs{DeliveryID: d.ID}})
		}
	}
	if len(params) > 0 {
		if _, err := w.s.client.InsertManyTx(ctx, tx.SQL(), params); err != nil {
			return fmt.Errorf("cannot enqueue deliveries: %w", err)
		}
	}
	if err := tx.MovePost(post, relais.PostFanOut); err != nil {
		return err
	}
	if err := tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "post.fan_out", PostID: post.ID,
		ContentHash: post.ContentHash, Detail: i18n.Code("history.fan_out", "n", strconv.Itoa(len(ds)))}); err != nil {
		return err
	}
	tx.AfterCommit(func() {
		w.s.publish(relais.Event{Type: relais.EventPostUpdated, PostID: post.ID, State: string(post.State)})
		if len(params) > 0 {
			w.s.Wake()
		}
	})
	return nil
}

// shareTexts returns the distinct texts a post offers for sharing.
func shareTexts(p *relais.Post) []string {
	texts := []string{p.Text}
	seen := map[string]bool{p.Text: true}
	for _, pl := range relais.Platforms {
		if v := p.Variants[pl]; v != "" && !seen[v] {
			seen[v] = true
			texts = append(texts, v)
		}
	}
	return texts
}

// newKey returns a fresh idempotency key for one delivery.
func newKey(postID int64) string {
	b := make([]byte, 12)
	_, _ = crand.Read(b)
	return fmt.Sprintf("relais-%d-%s", postID, hex.EncodeToString(b))
}
