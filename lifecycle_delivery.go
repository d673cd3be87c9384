package relais

// DeliveryEvent names what happens to one delivery (see DeliveryLifecycle).
type DeliveryEvent string

// Delivery events, taken by the scheduler's deliver job (claim, hold,
// outcome) and by approval.Service.Resolve.
const (
	DeliveryCreate           DeliveryEvent = "create"            // the fan-out creates it
	DeliveryHold             DeliveryEvent = "hold"              // a blackout window holds it back
	DeliveryStartPublishing  DeliveryEvent = "start_publishing"  // a replica claims it (again, to reconcile)
	DeliveryRetry            DeliveryEvent = "retry"             // the platform did not take it: try later
	DeliverySettlePublished  DeliveryEvent = "settle_published"  // the platform took it
	DeliverySettleFailed     DeliveryEvent = "settle_failed"     // refused for good, or a dead token before sending
	DeliverySettleUnknown    DeliveryEvent = "settle_unknown"    // it may have gone out
	DeliveryResolvePublished DeliveryEvent = "resolve_published" // a person found it on the platform
	DeliveryResolveFailed    DeliveryEvent = "resolve_failed"    // a person found it missing
)

// DeliveryRow is one row of the delivery state machine.
type DeliveryRow struct {
	From  DeliveryState
	Event DeliveryEvent
	To    DeliveryState
	Guard string
}

// DeliveryInitial maps the event that creates a delivery to its first state.
var DeliveryInitial = map[DeliveryEvent]DeliveryState{DeliveryCreate: DeliveryPending}

// DeliveryStates lists every declared delivery state.
var DeliveryStates = []DeliveryState{DeliveryPending, DeliveryPublishing, DeliveryPublished, DeliveryFailed,
	DeliveryOutcomeUnknown, DeliveryHeld}

// DeliveryLifecycle is the delivery state machine. Every state write goes
// through DeliveryTransition.
var DeliveryLifecycle = concat(
	drows(DeliveryHold, DeliveryHeld, "inside a blackout window, not yet sent", DeliveryPending, DeliveryHeld),
	drows(DeliveryStartPublishing, DeliveryPublishing, "account usable, key not expired", DeliveryPending, DeliveryHeld, DeliveryPublishing),
	drows(DeliveryRetry, DeliveryPending, "retryable error, nothing went out", DeliveryPublishing),
	drows(DeliverySettlePublished, DeliveryPublished, "the platform's receipt", DeliveryPublishing),
	drows(DeliverySettleFailed, DeliveryFailed, "permanent error, or dead token before any attempt", DeliveryPublishing, DeliveryPending, DeliveryHeld),
	drows(DeliverySettleUnknown, DeliveryOutcomeUnknown, "an attempt may have gone out", DeliveryPublishing, DeliveryPending, DeliveryHeld),
	drows(DeliveryResolvePublished, DeliveryPublished, "admin or editor, with its address", DeliveryOutcomeUnknown),
	drows(DeliveryResolveFailed, DeliveryFailed, "admin or editor", DeliveryOutcomeUnknown),
)

// DeliveryTransition returns the state event ev takes a delivery in state
// from to, or an ECONFLICT *Error (key error.transition) naming both
// states and the event.
func DeliveryTransition(from DeliveryState, ev DeliveryEvent) (DeliveryState, error) {
	var targets []string
	for _, r := range DeliveryLifecycle {
		if r.Event == ev && r.From == from {
			return r.To, nil
		} else if r.Event == ev {
			targets = append(targets, string(r.To))
		}
	}
	return "", transitionError("delivery", string(from), string(ev), targets)
}

// DeliveryInitialState returns the state a delivery created by ev starts in.
func DeliveryInitialState(ev DeliveryEvent) (DeliveryState, error) {
	if s, ok := DeliveryInitial[ev]; ok {
		return s, nil
	}
	return "", transitionError("delivery", "", string(ev), nil)
}

func drows(ev DeliveryEvent, to DeliveryState, guard string, from ...DeliveryState) []DeliveryRow {
	out := make([]DeliveryRow, len(from))
	for i, f := range from {
		out[i] = DeliveryRow{From: f, Event: ev, To: to, Guard: guard}
	}
	return out
}
