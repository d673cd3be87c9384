package analytics

import "context"

// EventSummer sums the field events starting in a week with their RSVPs
// (issue 17's hook, filled with events.Service.Report); nil leaves them out
// of the report.
type EventSummer func(ctx context.Context, w Week) (any, error)

// fieldEvents fills r.Events through the hook, if any.
func (s *Service) fieldEvents(ctx context.Context, w Week, r *WeeklyReport) error {
	if s.FieldEvents == nil {
		return nil
	}
	ev, err := s.FieldEvents(ctx, w)
	r.Events = ev
	return err
}
