package scheduler

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/store"
)

// ExperimentDecideArgs decides an experiment when its time comes (if it
// is still running) and sends the winner to the rest of its audience.
type ExperimentDecideArgs struct {
	ExperimentID int64 `json:"experiment_id"`
}

// Kind implements river.JobArgs.
func (ExperimentDecideArgs) Kind() string { return "experiment_decide" }

// ExperimentDecideWorker runs experiment_decide jobs.
type ExperimentDecideWorker struct {
	river.WorkerDefaults[ExperimentDecideArgs]
	s *Scheduler
}

// EnqueueExperimentDecide implements analytics.ExperimentJobs.
func (s *Scheduler) EnqueueExperimentDecide(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	_, err := s.client.InsertTx(ctx, tx, ExperimentDecideArgs{ExperimentID: id}, &river.InsertOpts{ScheduledAt: at})
	return err
}

// Work decides and sends, in one transaction: the sending happens once.
func (w *ExperimentDecideWorker) Work(ctx context.Context, job *river.Job[ExperimentDecideArgs]) error {
	return w.s.cfg.Store.Update(ctx, func(tx *store.Tx) error {
		e, err := analytics.DecideTx(tx, job.Args.ExperimentID, nil)
		if relais.ErrorCode(err) == relais.ECONFLICT {
			return nil // variants still awaiting approval: their sending starts the clock again
		} else if err != nil || e.State != analytics.ExpDecided {
			return err
		}
		return w.s.sendWinner(ctx, tx, e)
	})
}

// fanOutArm sends an experiment variant's post to its sample only (no
// publication on accounts) and starts the experiment once every variant
// went out. It reports whether post was a variant.
func (s *Scheduler) fanOutArm(ctx context.Context, tx *store.Tx, post *relais.Post) (bool, error) {
	arm, err := tx.ArmOfPost(post.ID)
	if err != nil || arm == nil {
		return false, err
	}
	e, _, err := tx.ExperimentByID(arm.ExperimentID)
	if err != nil {
		return true, err
	}
	rs, err := tx.Recipients(e.ID, arm.Arm)
	if err != nil {
		return true, err
	}
	if err := s.sendTo(ctx, tx, post, analytics.Label(arm.Arm), rs); err != nil {
		return true, err
	}
	if err := tx.MarkArmSent(e.ID, arm.Arm); err != nil {
		return true, err
	} else if err := tx.MovePost(post, relais.PostSendVariant); err != nil {
		return true, err
	}
	if err := tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "experiment.variant_sent", PostID: post.ID, ContentHash: post.ContentHash,
		Detail: i18n.Code("history.variant_sent", "id", strconv.FormatInt(e.ID, 10), "variant", analytics.Label(arm.Arm), "n", strconv.Itoa(len(rs)))}); err != nil {
		return true, err
	}
	return true, s.startIfAllSent(ctx, tx, e)
}

func (s *Scheduler) startIfAllSent(ctx context.Context, tx *store.Tx, e *store.Experiment) error {
	_, arms, err := tx.ExperimentByID(e.ID)
	if err != nil {
		return err
	}
	for _, a := range arms {
		if !a.Sent {
			return nil
		}
	}
	now := tx.Now()
	e.State, e.StartedAt = analytics.ExpRunning, &now
	if err := tx.UpdateExperiment(e); err != nil {
		return err
	}
	return s.EnqueueExperimentDecide(ctx, tx.SQL(), e.ID, now.Add(time.Duration(e.DecideAfterS)*time.Second))
}

// sendTo writes one suggestion per recipient with post's text (links
// tracked per variant, channel and district) and enqueues their sending.
func (s *Scheduler) sendTo(ctx context.Context, tx *store.Tx, post *relais.Post, variant string, rs []store.ExperimentRecipient) error {
	base, err := tx.CountSuggestions(post.ID)
	if err != nil {
		return err
	}
	ss := make([]relais.Suggestion, 0, len(rs))
	texts := map[analytics.Scope]string{}
	for _, r := range rs {
		sc := analytics.Scope{PostID: post.ID, Variant: variant, Channel: analytics.ChannelColistier, District: r.District}
		if r.MemberID == 0 {
			sc.Channel = analytics.ChannelSupporter
		}
		text, ok := texts[sc]
		if !ok {
			if text, err = s.cfg.Links.Rewrite(tx, sc, post.Text); err != nil {
				return err
			}
			texts[sc] = text
		}
		ss = append(ss, relais.Suggestion{PostID: post.ID, MemberID: r.MemberID, SupporterID: r.SupporterID, Text: text, NotBefore: tx.Now()})
	}
	if err := tx.InsertSuggestions(ss); err != nil {
		return err
	}
	return s.enqueueSuggestFrom(ctx, tx, post.ID, int(base), ss)
}

// enqueueSuggestFrom is enqueueSuggest for suggestions appended after
// base existing ones.
func (s *Scheduler) enqueueSuggestFrom(ctx context.Context, tx *store.Tx, postID int64, base int, ss []relais.Suggestion) error {
	var params []river.InsertManyParams
	for off := 0; off < len(ss); off += s.cfg.SuggestBatch {
		n := min(s.cfg.SuggestBatch, len(ss)-off)
		params = append(params, river.InsertManyParams{Args: SuggestArgs{PostID: postID, Offset: base + off, Limit: n}})
	}
	if len(params) == 0 {
		return nil
	}
	_, err := s.client.InsertManyTx(ctx, tx.SQL(), params)
	return err
}

// sendWinner sends the winning variant to the audience outside the
// sample, and audits it.
func (s *Scheduler) sendWinner(ctx context.Context, tx *store.Tx, e *store.Experiment) error {
	_, arms, err := tx.ExperimentByID(e.ID)
	if err != nil {
		return err
	}
	rest, err := restOfAudience(tx, e)
	if err != nil {
		return err
	}
	winner, err := tx.PostByID(arms[e.Winner].PostID)
	if err != nil {
		return err
	}
	if err := s.sendTo(ctx, tx, winner, analytics.Label(e.Winner), rest); err != nil {
		return err
	}
	e.State = analytics.ExpSent
	if err := tx.UpdateExperiment(e); err != nil {
		return err
	}
	return tx.AppendAudit(&relais.AuditEntry{Actor: "system", Action: "experiment.winner_sent", PostID: e.PostID, ContentHash: winner.ContentHash,
		Detail: i18n.Code("history.winner_sent", "id", strconv.FormatInt(e.ID, 10), "variant", analytics.Label(e.Winner), "p", e.PValue, "outcome", e.Outcome, "n", strconv.Itoa(len(rest)))})
}

// restOfAudience returns the experiment's audience outside its sample.
func restOfAudience(tx *store.Tx, e *store.Experiment) ([]store.ExperimentRecipient, error) {
	sampled, err := tx.Recipients(e.ID, -1)
	if err != nil {
		return nil, err
	}
	in := map[[2]int64]bool{}
	for _, r := range sampled {
		in[[2]int64{r.MemberID, r.SupporterID}] = true
	}
	ids, districts, members, err := tx.ExperimentAudience(e.Audience)
	if err != nil {
		return nil, err
	}
	var out []store.ExperimentRecipient
	for _, id := range ids {
		r := store.ExperimentRecipient{ExperimentID: e.ID, District: districts[id]}
		if members {
			r.MemberID = id
		} else {
			r.SupporterID = id
		}
		if !in[[2]int64{r.MemberID, r.SupporterID}] {
			out = append(out, r)
		}
	}
	return out, nil
}

// withoutExperimentAudience drops the suggestions an experiment on post
// takes over: its audience gets a variant, then the winner.
func withoutExperimentAudience(tx *store.Tx, post *relais.Post, ss []relais.Suggestion) ([]relais.Suggestion, error) {
	e, err := tx.ExperimentOfPost(post.ID)
	if err != nil || e == nil {
		return ss, err
	}
	out := ss[:0]
	for _, sg := range ss {
		if (e.Audience == "colistiers" && sg.MemberID != 0) || (e.Audience == "supporters" && sg.SupporterID != 0) {
			continue
		}
		out = append(out, sg)
	}
	return out, nil
}
