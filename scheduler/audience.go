package scheduler

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// audience returns the districts whose colistiers and supporters receive a
// post's share suggestions: every district (all=true) when it targets the
// candidate's or the campaign's accounts, else the targeted accounts'.
func audience(accounts []*relais.Account) (districts []string, all bool) {
	seen := map[string]bool{}
	for _, a := range accounts {
		switch {
		case a.OwnerKind == relais.OwnerCandidate || a.OwnerKind == relais.OwnerCampaign:
			return nil, true
		case a.District != "" && !seen[a.District]:
			seen[a.District] = true
			districts = append(districts, a.District)
		}
	}
	return districts, false
}

// suggest writes, in tx, one suggestion per colistier and per supporter of
// the post's audience with multi-row INSERTs, then enqueues one suggest job
// per batch of SuggestBatch suggestions. Colistiers' suggestions are
// staggered over the share window with jitter and rotate through the
// post's text variants; supporters' share kits are spread over the window
// batch by batch.
func (s *Scheduler) suggest(ctx context.Context, tx *store.Tx, post *relais.Post) error {
	accounts, err := tx.AccountsByIDs(post.Targets)
	if err != nil {
		return err
	}
	districts, all := audience(accounts)
	if !all && len(districts) == 0 {
		return nil
	}
	colistiers, err := tx.ColistierIDs(districts)
	if err != nil {
		return err
	}
	supporters, err := tx.SupporterIDs(districts)
	if err != nil {
		return err
	}
	ss, err := withoutExperimentAudience(tx, post, s.plan(post, tx.Now(), colistiers, supporters))
	if err != nil {
		return err
	}
	if err := s.trackSuggestions(tx, post, ss); err != nil {
		return err
	}
	if err := tx.InsertSuggestions(ss); err != nil {
		return err
	}
	return s.enqueueSuggest(ctx, tx, post.ID, ss)
}

// plan builds the suggestions in the order they are inserted (and so in ID
// order, which the suggest jobs' batches rely on).
func (s *Scheduler) plan(post *relais.Post, now time.Time, colistiers, supporters []int64) []relais.Suggestion {
	texts, window := shareTexts(post), s.cfg.ShareWindow
	ss := make([]relais.Suggestion, 0, len(colistiers)+len(supporters))
	step := window / time.Duration(max(len(colistiers), 1))
	for i, id := range colistiers {
		jitter := time.Duration(rand.Int64N(int64(step) + 1))
		ss = append(ss, relais.Suggestion{PostID: post.ID, MemberID: id, Text: texts[i%len(texts)],
			NotBefore: now.Add(step*time.Duration(i) + jitter)})
	}
	batches := (len(supporters) + s.cfg.SuggestBatch - 1) / s.cfg.SuggestBatch
	for i, id := range supporters {
		at := now.Add(window * time.Duration(i/s.cfg.SuggestBatch) / time.Duration(max(batches, 1)))
		ss = append(ss, relais.Suggestion{PostID: post.ID, SupporterID: id, Text: post.Text, NotBefore: at})
	}
	return ss
}

// enqueueSuggest inserts one suggest job per batch, due at the batch's
// earliest suggestion.
func (s *Scheduler) enqueueSuggest(ctx context.Context, tx *store.Tx, postID int64, ss []relais.Suggestion) error {
	var params []river.InsertManyParams
	for off := 0; off < len(ss); off += s.cfg.SuggestBatch {
		batch := ss[off:min(off+s.cfg.SuggestBatch, len(ss))]
		first := batch[0].NotBefore
		for _, x := range batch {
			if x.NotBefore.Before(first) {
				first = x.NotBefore
			}
		}
		params = append(params, river.InsertManyParams{Args: SuggestArgs{PostID: postID, Offset: off, Limit: len(batch)},
			InsertOpts: &river.InsertOpts{ScheduledAt: first}})
	}
	if len(params) == 0 {
		return nil
	}
	if _, err := s.client.InsertManyTx(ctx, tx.SQL(), params); err != nil {
		return fmt.Errorf("cannot enqueue suggest jobs: %w", err)
	}
	return nil
}
