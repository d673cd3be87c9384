package scheduler

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/relais/relais/store"
)

// CancelFanOuts cancels, inside tx, the post's fan-out jobs that have not
// run yet, so that the queue holds nothing for a cancelled or moved post.
// It returns how many it cancelled. It is tidiness, not safety: a fan-out
// job checks the post's state and content hash under the post's row lock,
// so one that already started does nothing either.
func (s *Scheduler) CancelFanOuts(ctx context.Context, tx *sql.Tx, postID int64) (int, error) {
	where := "json_extract(args, '$.post_id') = @post_id"
	if s.cfg.Store.Dialect() == store.DialectPostgres {
		where = "(args->>'post_id')::bigint = @post_id"
	}
	params := river.NewJobListParams().Kinds(FanOutArgs{}.Kind()).
		States(rivertype.JobStateAvailable, rivertype.JobStateScheduled, rivertype.JobStateRetryable).
		Where(where, river.NamedArgs{"post_id": postID}).First(100)
	res, err := s.client.JobListTx(ctx, tx, params)
	if err != nil {
		return 0, fmt.Errorf("cannot list fan-out jobs of post %d: %w", postID, err)
	}
	for _, j := range res.Jobs {
		if _, err := s.client.JobCancelTx(ctx, tx, j.ID); err != nil {
			return 0, fmt.Errorf("cannot cancel job %d: %w", j.ID, err)
		}
	}
	return len(res.Jobs), nil
}
