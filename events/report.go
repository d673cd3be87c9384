package events

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Summary is one event in a report: what, when, where and how many
// answered, per district. It carries no personal data.
type Summary struct {
	Event      *relais.FieldEvent `json:"event"`
	RSVPs      int                `json:"rsvps"`
	ByDistrict map[string]int     `json:"rsvps_by_district"`
}

// Report sums the events starting in [from, to) with their RSVP counts,
// for the weekly report. It needs no signed-in member (a scheduled job
// calls it) and returns counts only.
func (s *Service) Report(ctx context.Context, from, to time.Time) ([]Summary, error) {
	var out []Summary
	err := s.cfg.Store.View(ctx, func(tx *store.Tx) error {
		es, err := tx.FieldEvents(store.FieldEventFilter{From: &from, To: &to, Limit: 1000})
		for _, e := range es {
			sum := Summary{Event: e}
			if sum.RSVPs, err = tx.RSVPCount(e.ID); err != nil {
				return err
			}
			if sum.ByDistrict, err = tx.RSVPCountsByDistrict(e.ID); err != nil {
				return err
			}
			out = append(out, sum)
		}
		return err
	})
	return out, err
}
