package analytics

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/store"
)

// Experiment states.
const (
	ExpAwaiting = "awaiting_approval" // its variants are in review
	ExpRunning  = "running"           // every variant went to its sample
	ExpDecided  = "decided"
	ExpSent     = "sent" // the winner went to the rest of the audience
)

// PostCreator creates and submits the variants' posts (the approval
// workflow: each variant gets its own hash, tone check and routing), in
// one transaction with what bind writes.
type PostCreator interface {
	CreateAndSubmitWith(ctx context.Context, ins []approval.PostInput, bind approval.BindFunc) ([]*relais.Post, error)
}

// ExperimentJobs schedules an experiment's decision (and, once decided,
// the winner's sending) — the scheduler.
type ExperimentJobs interface {
	EnqueueExperimentDecide(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error
}

// ExperimentInput is POST /api/experiments.
type ExperimentInput struct {
	PostID      int64          `json:"post_id"`
	Variants    []VariantInput `json:"variants"`
	Audience    string         `json:"audience"`
	Sample      float64        `json:"sample"`
	Metric      string         `json:"metric"`
	DecideAfter string         `json:"decide_after"`
}

// VariantInput is one variant's text.
type VariantInput struct {
	Text string `json:"text"`
}

// Label returns a variant's letter: A, B, C, D.
func Label(i int) string { return string(rune('A' + i)) }

// validate checks everything but the post; the error names the field.
func (in *ExperimentInput) validate() (time.Duration, error) {
	switch {
	case len(in.Variants) < 2 || len(in.Variants) > 4:
		return 0, relais.FieldErrorf("variants", "An experiment needs 2 to 4 variants, not %d.", len(in.Variants))
	case in.Audience != "colistiers" && in.Audience != "supporters":
		return 0, relais.FieldErrorf("audience", "Audience must be \"colistiers\" or \"supporters\".")
	case !(in.Sample > 0 && in.Sample <= 0.5):
		return 0, relais.FieldErrorf("sample", "Sample must be more than 0 and at most 0.5 (half the audience), not %v.", in.Sample)
	case in.Metric != "clicks" && in.Metric != "shares":
		return 0, relais.FieldErrorf("metric", "Metric must be \"clicks\" or \"shares\".")
	}
	for i, v := range in.Variants {
		if strings.TrimSpace(v.Text) == "" || len(v.Text) > relais.MaxTextBytes {
			return 0, relais.FieldErrorf(fmt.Sprintf("variants[%d].text", i), "Variant %s needs a text (up to 64 KiB).", Label(i))
		}
	}
	d, err := time.ParseDuration(in.DecideAfter)
	if err != nil || d < 10*time.Minute || d > 14*24*time.Hour {
		return 0, relais.FieldErrorf("decide_after", "decide_after must be a duration between 10m and 336h (e.g. \"2h\"), not %q.", in.DecideAfter)
	}
	return d, nil
}

// checkPost refuses a post already out and variants too long for one of
// its platforms.
func checkPost(tx *store.Tx, in *ExperimentInput) (*relais.Post, error) {
	p, err := tx.PostByID(in.PostID)
	if relais.ErrorCode(err) == relais.ENOTFOUND {
		return nil, relais.FieldErrorf("post_id", "Post %d not found.", in.PostID)
	} else if err != nil {
		return nil, err
	} else if !p.State.Editable() {
		return nil, relais.FieldErrorf("post_id", "Post %d is %s: an experiment must start before publication.", p.ID, p.State)
	}
	accounts, err := tx.AccountsByIDs(p.Targets)
	if err != nil {
		return nil, err
	}
	for i, v := range in.Variants {
		for _, a := range accounts {
			r, err := textlen.Count(string(a.Platform), v.Text, textlen.Options{})
			if err == nil && r.Limit > 0 && r.Length > r.Limit {
				return nil, relais.FieldErrorf(fmt.Sprintf("variants[%d].text", i), "Variant %s is %d characters on %s, the limit is %d.",
					Label(i), r.Length, a.Platform, r.Limit)
			}
		}
	}
	if e, err := tx.ExperimentOfPost(p.ID); err != nil || e != nil {
		if err != nil {
			return nil, err
		}
		return nil, relais.FieldErrorf("post_id", "Post %d already has experiment %d.", p.ID, e.ID)
	}
	return p, nil
}

// sampleAudience draws, district by district, sample of the audience at
// random and deals it evenly between arms (the dealing starts at a
// different arm in each district, so that arms stay even overall).
func sampleAudience(tx *store.Tx, audience string, sample float64, arms int) ([]store.ExperimentRecipient, error) {
	byDistrict, err := audienceByDistrict(tx, audience)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(byDistrict))
	for d := range byDistrict {
		names = append(names, d)
	}
	sort.Strings(names)
	var out []store.ExperimentRecipient
	next := 0
	for _, d := range names {
		ids := byDistrict[d]
		rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		k := int(sample*float64(len(ids)) + 0.5)
		for _, id := range ids[:k] {
			r := store.ExperimentRecipient{Arm: next % arms, District: d}
			if audience == "colistiers" {
				r.MemberID = id
			} else {
				r.SupporterID = id
			}
			out = append(out, r)
			next++
		}
	}
	return out, nil
}

func audienceByDistrict(tx *store.Tx, audience string) (map[string][]int64, error) {
	ids, districts, _, err := tx.ExperimentAudience(audience)
	if err != nil {
		return nil, err
	}
	out := map[string][]int64{}
	for _, id := range ids {
		out[districts[id]] = append(out[districts[id]], id)
	}
	return out, nil
}
