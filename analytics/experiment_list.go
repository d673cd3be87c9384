package analytics

import (
	"context"

	"github.com/relais/relais/store"
)

// ExperimentSummary is one experiment in the list of experiments.
type ExperimentSummary struct {
	ID       int64  `json:"id"`
	PostID   int64  `json:"post_id"`
	PostText string `json:"post_text"`
	Audience string `json:"audience"`
	Metric   string `json:"metric"`
	State    string `json:"state"`
	Winner   string `json:"winner"` // "" until decided
}

// MaxListedExperiments bounds the list of experiments.
const MaxListedExperiments = 200

// Experiments returns the latest experiments, newest first.
func (s *Service) Experiments(ctx context.Context) ([]ExperimentSummary, error) {
	if err := mayRead(ctx); err != nil {
		return nil, err
	}
	out := []ExperimentSummary{}
	err := s.st.View(ctx, func(tx *store.Tx) error {
		es, err := tx.Experiments(MaxListedExperiments)
		for _, e := range es {
			p, err := tx.PostByID(e.PostID)
			if err != nil {
				return err
			}
			sum := ExperimentSummary{ID: e.ID, PostID: e.PostID, PostText: p.Text, Audience: e.Audience, Metric: e.Metric, State: e.State}
			if e.Winner >= 0 {
				sum.Winner = Label(e.Winner)
			}
			out = append(out, sum)
		}
		return err
	})
	return out, err
}
