package approval

import (
	"context"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// RoundView is an election round with its blackout window.
type RoundView struct {
	relais.ElectionRound
	BlackoutStart time.Time `json:"blackout_start"`
	BlackoutEnd   time.Time `json:"blackout_end"`
}

// AddElectionRound declares a voting day (admins and editors). Returns
// EINVALID, saving nothing, for a malformed day or closing time, a window
// that would end before it starts, or a round already over; ECONFLICT if
// the day is already declared.
func (s *Service) AddElectionRound(ctx context.Context, r relais.ElectionRound) (*RoundView, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.RoundsDeclare, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not declare election rounds.", m.Role)
	}
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if err := r.Validate(tx.Now(), tx.Location()); err != nil {
			return err
		}
		b, err := tx.Blackout()
		if err != nil {
			return err
		}
		for _, x := range b.Rounds {
			if x.Day == r.Day {
				return (&relais.Error{Code: relais.ECONFLICT, Field: "day", Message: "A round on " + r.Day + " is already declared."}).With("error.round_exists", "day", r.Day)
			}
		}
		if err := tx.AddElectionRound(&r); err != nil {
			return err
		}
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: "election.add",
			Detail: r.Day + " " + r.PollsClose + " " + r.Name})
	})
	if err != nil {
		return nil, err
	}
	return roundView(r, s.store.Location()), nil
}

// ElectionRounds lists the declared rounds and their blackout windows.
func (s *Service) ElectionRounds(ctx context.Context) ([]*RoundView, error) {
	if _, err := caller(ctx); err != nil {
		return nil, err
	}
	out := []*RoundView{}
	err := s.store.View(ctx, func(tx *store.Tx) error {
		b, err := tx.Blackout()
		for _, r := range b.Rounds {
			out = append(out, roundView(r, s.store.Location()))
		}
		return err
	})
	return out, err
}

func roundView(r relais.ElectionRound, loc *time.Location) *RoundView {
	start, end, _ := r.Window(loc)
	return &RoundView{ElectionRound: r, BlackoutStart: start, BlackoutEnd: end}
}

// HeldDeliveries lists deliveries that wait for something: held by a
// blackout window, or outcome_unknown (a human must check the platform).
func (s *Service) HeldDeliveries(ctx context.Context, states []relais.DeliveryState) ([]*relais.Delivery, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	} else if !policy.Can(m, policy.DeliveriesRead, policy.Object{}) {
		return nil, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not list deliveries.", m.Role)
	}
	if len(states) == 0 {
		states = []relais.DeliveryState{relais.DeliveryHeld, relais.DeliveryOutcomeUnknown}
	}
	out := []*relais.Delivery{}
	err = s.store.View(ctx, func(tx *store.Tx) error {
		ds, err := tx.DeliveriesInState(states...)
		out = append(out, ds...)
		return err
	})
	return out, err
}
