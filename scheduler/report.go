package scheduler

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/relais/relais/analytics"
)

// ReportArgs mails the report of one week (YYYY-Www).
type ReportArgs struct {
	Week string `json:"week"`
}

// Kind implements river.JobArgs.
func (ReportArgs) Kind() string { return "weekly_report" }

// ReportWorker mails the weekly district report.
type ReportWorker struct {
	river.WorkerDefaults[ReportArgs]
	s *Scheduler
}

// reportJob is the Monday job, unique per week so that replicas and
// restarts never mail one week twice.
func reportJob(loc *time.Location) *river.PeriodicJob {
	return river.NewPeriodicJob(schedule(loc, ReportAt), func() (river.JobArgs, *river.InsertOpts) {
		return ReportArgs{Week: analytics.WeekOf(time.Now(), loc).Previous().String()}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{ID: "weekly_report"})
}

// Work builds and sends the week's e-mails.
func (w *ReportWorker) Work(ctx context.Context, job *river.Job[ReportArgs]) error {
	wk, err := analytics.ParseWeek(job.Args.Week, w.s.cfg.Location)
	if err != nil {
		return river.JobCancel(err)
	}
	svc := analytics.New(w.s.cfg.Store, nil, w.s.log)
	svc.Seats, svc.NewSupporters = w.s.cfg.ReportSeats, w.s.cfg.ReportSupporters
	msgs, err := svc.ReportMails(ctx, wk)
	if err != nil {
		return err
	}
	if w.s.cfg.Mailer == nil {
		w.s.log.Info("weekly report not sent: no mail server", slog.Int("messages", len(msgs)))
		return nil
	}
	for _, m := range msgs {
		if err := w.s.cfg.Mailer.Send(ctx, m); err != nil {
			w.s.log.Warn("cannot send the weekly report", slog.Any("error", err))
		}
	}
	return nil
}
