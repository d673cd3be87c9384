package share

import (
	"context"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
)

// Decline records that the signed-in member will not share suggestion id.
func (s *Service) Decline(ctx context.Context, id int64) (*relais.Suggestion, error) {
	m, err := caller(ctx)
	if err != nil {
		return nil, err
	}
	var sg *relais.Suggestion
	err = s.store.Update(ctx, func(tx *store.Tx) error {
		if sg, err = suggestionFor(tx, m, id); err != nil {
			return err
		} else if sg.State != StatePending {
			return relais.Errorf(relais.ECONFLICT, "Suggestion %d is already %s.", id, sg.State)
		}
		sg.State = StateDeclined
		if err := tx.MoveSuggestion(id, StatePending, StateDeclined); err != nil {
			return err
		}
		s.announce(tx, sg, m)
		return tx.AppendAudit(&relais.AuditEntry{ActorID: m.ID, Actor: relais.Actor(m), Action: ActionDeclined,
			PostID: sg.PostID, Detail: "suggestion " + strconv.FormatInt(id, 10)})
	})
	return sg, err
}
