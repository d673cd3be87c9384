package scheduler

import (
	"time"

	"github.com/robfig/cron/v3"
)

// When the periodic jobs run, as cron fields (minute hour day month
// weekday) on the campaign's wall clock: Config.Location (RELAIS_TIMEZONE).
const (
	DigestAt    = "0 8 * * *"  // the team's morning digest
	KitDigestAt = "0 18 * * *" // supporters' daily share-kit digest
	ReportAt    = "0 8 * * 1"  // the weekly district report, Monday morning
	RetentionAt = "30 3 * * *" // deleting inactive supporters, at night
)

// Spec returns the cron spec of at in loc: "CRON_TZ=<zone> <at>".
func Spec(loc *time.Location, at string) string { return "CRON_TZ=" + loc.String() + " " + at }

// schedule parses Spec(loc, at). loc is a loaded location and at one of
// the constants above, so it cannot fail.
func schedule(loc *time.Location, at string) cron.Schedule {
	s, err := cron.ParseStandard(Spec(loc, at))
	if err != nil {
		panic("scheduler: " + err.Error())
	}
	return s
}
