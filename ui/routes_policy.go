package ui

import "github.com/relais/relais/policy"

// routeActions names, for each authenticated route, the policy action it
// needs. The services enforce it (on the object, where the row has a
// condition); the role matrix test (cmd/relais) derives each role's
// expected answer from it and the policy table, so a route added without
// an entry here fails that test.
var routeActions = map[string]policy.Action{
	// Everyone signed in: each sees her own share (colistiers published posts only).
	"GET /api/me": policy.DashboardUse, "GET /api/accounts": policy.DashboardUse, "GET /api/posts": policy.DashboardUse,
	"GET /api/queue": policy.DashboardUse, "POST /api/tone/check": policy.DashboardUse, "GET /ws": policy.DashboardUse,
	"GET /api/election-rounds": policy.DashboardUse, "POST /api/text/count": policy.DashboardUse,
	"GET /api/suggestions": policy.DashboardUse, "POST /api/suggestions/{id}/share": policy.DashboardUse,
	"POST /api/suggestions/{id}/decline": policy.DashboardUse, "POST /logout": policy.DashboardUse, "GET /{$}": policy.DashboardUse,
	"GET /calendar": policy.DashboardUse, "GET /inbox": policy.DashboardUse, "POST /inbox/{id}": policy.DashboardUse,
	"GET /map": policy.DashboardUse, "GET /districts/{id}": policy.DashboardUse, "GET /sandbox/{id}": policy.DashboardUse,
	"GET /api/events": policy.DashboardUse, "GET /api/events/{id}": policy.DashboardUse, "GET /events": policy.DashboardUse,
	"GET /events/{id}": policy.DashboardUse, "GET /api/push/key": policy.DashboardUse, "POST /api/push/subscriptions": policy.DashboardUse,

	// Posts.
	"POST /api/posts": policy.PostCreate, "POST /api/media": policy.PostCreate, "GET /compose": policy.PostCreate,
	"POST /compose": policy.PostCreate, "GET /terrain": policy.PostCreate, "POST /api/capture": policy.PostCreate,
	"POST /api/videos/uploads": policy.PostCreate, "GET /api/videos/uploads/{id}": policy.PostCreate,
	"PATCH /api/videos/uploads/{id}": policy.PostCreate, "POST /posts/{id}/duplicate": policy.PostCreate,
	"POST /api/posts/{id}/duplicate": policy.PostCreate,
	"GET /api/posts/{id}":            policy.PostReadUnpublished, "GET /media/{id}": policy.PostReadUnpublished, "GET /posts/{id}": policy.PostReadUnpublished,
	"PUT /api/posts/{id}": policy.PostEdit, "POST /api/posts/{id}/submit": policy.PostEdit, "POST /posts/{id}/submit": policy.PostEdit,
	"GET /posts/{id}/edit": policy.PostEdit, "POST /posts/{id}/edit": policy.PostEdit,
	"POST /posts/{id}/delete": policy.PostDelete, "DELETE /api/posts/{id}": policy.PostDelete,
	"POST /api/posts/{id}/approve": policy.PostApprove, "POST /api/posts/{id}/reject": policy.PostApprove,
	"POST /api/posts/{id}/request-changes": policy.PostApprove, "POST /posts/{id}/decide": policy.PostApprove,
	"POST /api/posts/{id}/override": policy.PostOverride,
	"GET /api/posts/{id}/comments":  policy.PostDiscuss, "POST /api/posts/{id}/comments": policy.PostDiscuss, "GET /api/members": policy.PostDiscuss,

	// Scheduling.
	"POST /api/posts/{id}/reschedule": policy.PostReschedule, "POST /api/posts/{id}/queue": policy.PostReschedule,
	"POST /calendar/move": policy.PostReschedule, "POST /api/posts/{id}/cancel": policy.PostCancel,
	"GET /api/recurring": policy.RecurringRead, "POST /api/recurring": policy.RecurringCreate,
	"POST /api/recurring/{id}/stop": policy.RecurringStop, "GET /api/accounts/{id}/slots": policy.SlotsRead,
	"POST /api/accounts/{id}/slots": policy.SlotsManage, "DELETE /api/slots/{id}": policy.SlotsManage,
	"POST /api/election-rounds": policy.RoundsDeclare, "POST /settings/rounds": policy.RoundsDeclare,
	"GET /api/deliveries": policy.DeliveriesRead, "POST /api/posts/{id}/deliveries/{delivery}/resolve": policy.DeliveryResolve,
	"POST /posts/{id}/deliveries/{delivery}/resolve": policy.DeliveryResolve,

	// Settings, accounts and members.
	"GET /settings": policy.SettingsOpen, "POST /settings/tone": policy.SettingsOpen,
	"GET /settings/members": policy.SettingsOpen, "GET /settings/accounts": policy.SettingsOpen,
	"GET /settings/tone": policy.SettingsOpen, "GET /settings/slots": policy.SlotsRead, "GET /settings/rounds": policy.SettingsOpen,
	"POST /settings/tone/people": policy.ToneRulesSave, "POST /settings/tone/profiles": policy.ToneRulesSave,
	"POST /settings/members/invite": policy.MembersManage, "POST /settings/accounts/{id}/approver": policy.ApprovalStepsSet,
	"POST /settings/slots/{id}": policy.SlotsManage,
	"PUT /api/accounts/{id}":    policy.AccountsManage, "POST /settings/accounts/{id}": policy.AccountsManage,
	"GET /api/approval-steps": policy.ApprovalStepsRead, "PUT /api/accounts/{id}/second-approver": policy.ApprovalStepsSet,
	"GET /settings/connect": policy.AccountsManage, "POST /settings/connect/{platform}": policy.AccountsManage,
	"GET /settings/connect/{platform}/callback": policy.AccountsManage,
	"POST /api/invitations":                     policy.MembersManage, "POST /api/members/{id}/disable": policy.MembersManage,
	"PUT /api/members/{id}/role": policy.MembersManage, "PUT /api/members/{id}/password": policy.MembersManage,
	"POST /settings/members/{id}": policy.MembersManage,

	// Supporters, field events, analytics.
	"GET /supporters": policy.SupportersCount, "POST /supporters/import": policy.SupportersImport,
	"GET /supporters/rights": policy.SupportersRights, "POST /supporters/rights": policy.SupportersRights,
	"GET /relay": policy.RelayRead, "POST /relay/quote": policy.RelayRead, "POST /relay/repost": policy.RelayRepost,
	"POST /api/events": policy.EventsCreate, "POST /events": policy.EventsCreate, "GET /api/events/{id}/rsvps": policy.EventsRSVPs,
	"GET /api/posts/{id}/links": policy.AnalyticsRead, "GET /api/posts/{id}/metrics": policy.AnalyticsRead,
	"GET /api/reports/weekly": policy.AnalyticsRead, "GET /reports/weekly.csv": policy.AnalyticsRead,
	"GET /reports/weekly": policy.AnalyticsRead, "GET /experiments": policy.AnalyticsRead, "GET /api/experiments/{id}": policy.AnalyticsRead,
	"GET /experiments/{id}": policy.AnalyticsRead, "POST /api/experiments": policy.ExperimentsRun,
	"POST /api/experiments/{id}/decide": policy.ExperimentsDecide, "PUT /api/accounts/{id}/links": policy.LinksManage,
}

// RouteAction returns the policy action route pattern needs, and false for
// a pattern without one.
func RouteAction(pattern string) (policy.Action, bool) {
	a, ok := routeActions[pattern]
	return a, ok
}
