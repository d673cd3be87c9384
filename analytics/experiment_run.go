package analytics

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/i18n"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// mayExperiment allows the roles that draft to start experiments.
func mayExperiment(ctx context.Context) (*relais.Member, error) {
	m, err := caller(ctx)
	if err == nil && !policy.Can(m, policy.ExperimentsRun, policy.Object{}) {
		err = relais.Errorf(relais.EFORBIDDEN, "Only the campaign team may run experiments.")
	}
	return m, err
}

// CreateExperiment checks the input, then in one transaction creates and
// submits one post per variant (each approved like a post), draws the
// sample and records the experiment: on any failure — a bad field, a
// variant the tone rules block — nothing is written.
func (s *Service) CreateExperiment(ctx context.Context, in ExperimentInput) (*ExperimentView, error) {
	m, err := mayExperiment(ctx)
	if err != nil {
		return nil, err
	} else if s.Posts == nil {
		return nil, relais.Errorf(relais.EINVALID, "Experiments are not available.")
	}
	after, err := in.validate()
	if err != nil {
		return nil, err
	}
	var parent *relais.Post
	if err := s.st.View(ctx, func(tx *store.Tx) (err error) { parent, err = checkPost(tx, &in); return err }); err != nil {
		return nil, err
	}
	e := &store.Experiment{PostID: parent.ID, Audience: in.Audience, SamplePermille: int(in.Sample*1000 + 0.5), Metric: in.Metric,
		DecideAfterS: int64(after.Seconds()), State: ExpAwaiting, Winner: -1, CreatedBy: m.ID}
	_, err = s.Posts.CreateAndSubmitWith(ctx, variantInputs(parent, in.Variants), func(tx *store.Tx, _ *relais.Member, posts []*relais.Post) error {
		return recordExperiment(tx, m, &in, e, posts, after)
	})
	if err != nil {
		return nil, variantError(err)
	}
	return s.Experiment(ctx, e.ID)
}

// variantInputs are the variants' posts, targeting the parent's accounts
// (for their platforms' rules and routing).
func variantInputs(parent *relais.Post, vs []VariantInput) []approval.PostInput {
	var targets []approval.Target
	for _, id := range parent.Targets {
		targets = append(targets, approval.Target{ID: id})
	}
	out := make([]approval.PostInput, len(vs))
	for i, v := range vs {
		out[i] = approval.PostInput{Text: v.Text, Targets: targets, Sensitive: parent.Sensitive}
	}
	return out
}

// recordExperiment checks the post again, draws the sample and records
// the experiment with its arms (the variants' posts), inside tx.
func recordExperiment(tx *store.Tx, m *relais.Member, in *ExperimentInput, e *store.Experiment, posts []*relais.Post, after time.Duration) error {
	if _, err := checkPost(tx, in); err != nil {
		return err
	}
	rs, err := sampleAudience(tx, in.Audience, in.Sample, len(in.Variants))
	if err != nil {
		return err
	} else if len(rs) < len(in.Variants) {
		return relais.FieldErrorf("sample", "A sample of %v gives %d recipients: fewer than one per variant.", in.Sample, len(rs))
	}
	arms := make([]store.ExperimentArm, len(posts))
	for i, p := range posts {
		arms[i] = store.ExperimentArm{Arm: i, PostID: p.ID}
	}
	if err := tx.CreateExperiment(e, arms, rs); err != nil {
		return err
	}
	return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: m.Name, Action: "experiment.created", PostID: e.PostID,
		Detail: i18n.Code("history.experiment_created", "id", strconv.FormatInt(e.ID, 10), "variants", strconv.Itoa(len(arms)),
			"audience", e.Audience, "sample", strconv.FormatFloat(float64(e.SamplePermille)/10, 'f', -1, 64),
			"recipients", strconv.Itoa(len(rs)), "metric", e.Metric, "after", after.String())})
}

// variantError names the failing variant in the field of a variant's
// error: "text" of the third becomes "variants[2].text".
func variantError(err error) error {
	var be *approval.BatchError
	var re *relais.Error
	if !errors.As(err, &be) {
		return err
	} else if !errors.As(be.Err, &re) || re.Field == "" {
		return be.Err
	}
	named := *re
	named.Field = fmt.Sprintf("variants[%d].%s", be.Index, re.Field)
	return &named
}

// VariantView is one variant's figures.
type VariantView struct {
	Label     string  `json:"label"`
	PostID    int64   `json:"post_id"`
	Text      string  `json:"text"`
	PostState string  `json:"post_state"`
	N         int64   `json:"n"`
	Successes int64   `json:"successes"`
	Rate      float64 `json:"rate"`
	CILow     float64 `json:"ci_low"`
	CIHigh    float64 `json:"ci_high"`
}

// ExperimentView is GET /api/experiments/{id}.
type ExperimentView struct {
	ID          int64         `json:"id"`
	PostID      int64         `json:"post_id"`
	Audience    string        `json:"audience"`
	Sample      float64       `json:"sample"`
	Metric      string        `json:"metric"`
	DecideAfter string        `json:"decide_after"`
	State       string        `json:"state"`
	Winner      string        `json:"winner"` // "" until decided
	PValue      *float64      `json:"p_value"`
	Outcome     string        `json:"outcome,omitempty"`
	Rule        string        `json:"rule"`
	Window      string        `json:"window"`
	Source      string        `json:"source"`
	Variants    []VariantView `json:"variants"`
}

// Experiment returns an experiment with each variant's figures: live while
// it runs, frozen at the decision afterwards.
func (s *Service) Experiment(ctx context.Context, id int64) (*ExperimentView, error) {
	if err := mayRead(ctx); err != nil {
		return nil, err
	}
	_ = s.Clicks.Flush(ctx)
	var v *ExperimentView
	err := s.st.View(ctx, func(tx *store.Tx) error {
		e, arms, err := tx.ExperimentByID(id)
		if err != nil {
			return err
		}
		v, err = experimentView(tx, e, arms)
		return err
	})
	return v, err
}

func experimentView(tx *store.Tx, e *store.Experiment, arms []store.ExperimentArm) (*ExperimentView, error) {
	v := &ExperimentView{ID: e.ID, PostID: e.PostID, Audience: e.Audience, Sample: float64(e.SamplePermille) / 1000, Metric: e.Metric,
		DecideAfter: fmt.Sprint(e.DecideAfterS/60) + "m", State: e.State, Outcome: e.Outcome, Rule: DecisionRule[1],
		Window: "from the variants' sending to the decision", Source: SourceShares}
	if e.Metric == "clicks" {
		v.Source = SourceRedirect
	}
	if e.Winner >= 0 {
		v.Winner = Label(e.Winner)
	}
	if p, err := strconv.ParseFloat(e.PValue, 64); err == nil {
		v.PValue = &p
	}
	x, n, err := counts(tx, e, arms)
	if err != nil {
		return nil, err
	}
	for i, a := range arms {
		p, err := tx.PostByID(a.PostID)
		if err != nil {
			return nil, err
		}
		vv := VariantView{Label: Label(a.Arm), PostID: a.PostID, Text: p.Text, PostState: string(p.State), N: n[i], Successes: x[i]}
		if n[i] > 0 {
			vv.Rate = float64(x[i]) / float64(n[i])
		}
		vv.CILow, vv.CIHigh = Wilson(x[i], n[i])
		v.Variants = append(v.Variants, vv)
	}
	if v.PValue == nil && len(arms) >= 2 && e.State == ExpRunning {
		p := Decide(x, n).PValue
		v.PValue = &p
	}
	return v, nil
}

// counts returns each arm's successes and recipients: frozen once decided.
func counts(tx *store.Tx, e *store.Experiment, arms []store.ExperimentArm) (x, n []int64, err error) {
	x, n = make([]int64, len(arms)), make([]int64, len(arms))
	for i, a := range arms {
		if e.State == ExpDecided || e.State == ExpSent {
			x[i], n[i] = a.Successes, a.N
			continue
		}
		rs, err := tx.Recipients(e.ID, a.Arm)
		if err != nil {
			return nil, nil, err
		}
		n[i] = int64(len(rs))
		if x[i], err = successes(tx, e.Metric, a.PostID); err != nil {
			return nil, nil, err
		}
		x[i] = min(x[i], n[i]) // clicks are not per person: at most one success per recipient
	}
	return x, n, nil
}

func successes(tx *store.Tx, metric string, postID int64) (int64, error) {
	if metric == "clicks" {
		return tx.PostClicks(postID)
	}
	st, err := tx.SuggestionStates(postID)
	return st["shared"], err
}

// DecideTx decides a running experiment by DecisionRule, freezes its
// figures and audits them. It does nothing to one already decided, and
// returns ECONFLICT for one whose variants are still awaiting approval:
// deciding it would send a text nobody approved to the whole audience.
func DecideTx(tx *store.Tx, id int64, actor *relais.Member) (*store.Experiment, error) {
	e, arms, err := tx.ExperimentForUpdate(id)
	if err == nil && e.State == ExpAwaiting {
		return nil, &relais.Error{Code: relais.ECONFLICT, Key: "error.experiment_awaiting",
			Message: "This experiment's variants are not all approved and sent: it cannot be decided yet."}
	} else if err != nil || e.State != ExpRunning {
		return e, err
	}
	x, n, err := counts(tx, e, arms)
	if err != nil {
		return nil, err
	}
	d := Decide(x, n)
	e.State, e.Winner, e.PValue, e.Outcome = ExpDecided, d.Winner, strconv.FormatFloat(d.PValue, 'g', 6, 64), d.Reason
	for i, a := range arms {
		if err := tx.SaveArmCounts(e.ID, a.Arm, n[i], x[i]); err != nil {
			return nil, err
		}
	}
	if err := tx.UpdateExperiment(e); err != nil {
		return nil, err
	}
	var counts []string
	for i := range arms {
		counts = append(counts, fmt.Sprintf("%s %d/%d", Label(i), x[i], n[i]))
	}
	detail := i18n.Code("history.decided", "id", strconv.FormatInt(e.ID, 10), "variant", Label(d.Winner), "outcome", d.Reason,
		"p", e.PValue, "counts", strings.Join(counts, ", "))
	ae := &relais.AuditEntry{Actor: "system", Action: "experiment.decided", PostID: e.PostID, Detail: detail}
	if actor != nil {
		ae.ActorID, ae.Actor = actor.ID, actor.Name
	}
	return e, tx.AppendAudit(ae)
}

// Decide decides an experiment now (editors and admins) and schedules
// the winner's sending to the rest of the audience.
func (s *Service) Decide(ctx context.Context, id int64) (*ExperimentView, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.ExperimentsDecide, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Only editors and admins may decide an experiment.")
	}
	_ = s.Clicks.Flush(ctx) // the decision counts the clicks of the last seconds
	err = s.st.Update(ctx, func(tx *store.Tx) error {
		e, err := DecideTx(tx, id, m)
		if err != nil || s.Jobs == nil || e.State != ExpDecided {
			return err
		}
		return s.Jobs.EnqueueExperimentDecide(ctx, tx.SQL(), id, tx.Now())
	})
	if err != nil {
		return nil, err
	}
	return s.Experiment(ctx, id)
}
