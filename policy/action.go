package policy

// Action names something a member may do. Its value is stable: it names
// the denial message in the catalogue ("policy.denied." + action).
type Action string

// Actions on posts.
const (
	DashboardUse         Action = "dashboard.use"          // sign in and see what every member sees
	PostReadUnpublished  Action = "post.read_unpublished"  // see drafts and posts in review, and their images
	PostReadReview       Action = "post.read_review"       // see the web team's routing, tone check and history
	PostCreate           Action = "post.create"            // write drafts, upload images and videos, capture
	PostEdit             Action = "post.edit"              // edit and submit a post
	PostDelete           Action = "post.delete"            // delete a post
	PostReschedule       Action = "post.reschedule"        // move a post in time or add it to a queue
	PostCancel           Action = "post.cancel"            // cancel a post
	PostApprove          Action = "post.approve"           // decide on a routine post
	PostApproveSensitive Action = "post.approve_sensitive" // decide on a post routed to the candidate
	PostOverride         Action = "post.override"          // submit a post a tone rule blocks
	PostDiscuss          Action = "post.discuss"           // read and write the web team's comments
	PostTarget           Action = "post.target"            // publish to an account
	RecurringCreate      Action = "recurring.create"       // make an approved post recur
	RecurringRead        Action = "recurring.read"         // list recurrences
	RecurringStop        Action = "recurring.stop"         // stop a recurrence
	DeliveriesRead       Action = "deliveries.read"        // list held and unknown deliveries
	DeliveryResolve      Action = "delivery.resolve"       // settle an outcome_unknown delivery
)

// Actions on live views and pages.
const (
	PresenceAnnounce  Action = "presence.announce"  // tell other tabs one is reading a post
	LiveStaffEvents   Action = "live.staff_events"  // receive the web team's live events
	HomeInbox         Action = "home.inbox"         // the home page is the share inbox
	DistrictsOverview Action = "districts.overview" // the district map on the home page
	MembersReadEmail  Action = "members.read_email" // see members' e-mail addresses
)

// Actions on accounts, settings and members.
const (
	SlotsRead          Action = "slots.read"           // see an account's queue slots
	SlotsManage        Action = "slots.manage"         // add and delete queue slots
	AccountsManage     Action = "accounts.manage"      // edit accounts
	AccountToneProfile Action = "account.tone_profile" // change an account's tone profile
	ApprovalStepsRead  Action = "approval_steps.read"  // see second approvers
	ApprovalStepsSet   Action = "approval_steps.set"   // set second approvers
	RoundsDeclare      Action = "rounds.declare"       // declare election rounds
	SettingsOpen       Action = "settings.open"        // open the settings, tone proposals and examples
	ToneRulesSave      Action = "tone.rules_save"      // change the tone rules
	MembersManage      Action = "members.manage"       // invite, disable, change roles and passwords
)

// Actions on supporters, analytics and field events.
const (
	SupportersCount   Action = "supporters.count"   // see supporter counts (scoped)
	SupportersList    Action = "supporters.list"    // see the supporters list (scoped)
	SupportersImport  Action = "supporters.import"  // import supporters
	SupportersRights  Action = "supporters.rights"  // export or erase a person's data
	AnalyticsRead     Action = "analytics.read"     // read links, metrics and reports
	AnalyticsMail     Action = "analytics.mail"     // receive the weekly report by mail
	DigestTeam        Action = "digest.team"        // receive the web team's daily digest by mail
	ExperimentsRun    Action = "experiments.run"    // start A/B experiments
	ExperimentsDecide Action = "experiments.decide" // decide an experiment early
	LinksManage       Action = "links.manage"       // turn an account's tracked links on or off
	EventsCreate      Action = "events.create"      // create field events
	EventsRSVPs       Action = "events.rsvps"       // read an event's RSVPs (personal data)
	RelayRead         Action = "relay.read"         // see the colistiers' posts to relay
	RelayRepost       Action = "relay.repost"       // repost a colistier's post from the campaign's account
)

// Actions lists every action, in declaration order.
func Actions() []Action {
	return []Action{DashboardUse, PostReadUnpublished, PostReadReview, PostCreate, PostEdit, PostDelete,
		PostReschedule, PostCancel, PostApprove, PostApproveSensitive, PostOverride, PostDiscuss, PostTarget,
		RecurringCreate, RecurringRead, RecurringStop, DeliveriesRead, DeliveryResolve,
		PresenceAnnounce, LiveStaffEvents, HomeInbox, DistrictsOverview, MembersReadEmail,
		SlotsRead, SlotsManage, AccountsManage, AccountToneProfile, ApprovalStepsRead, ApprovalStepsSet,
		RoundsDeclare, SettingsOpen, ToneRulesSave, MembersManage,
		SupportersCount, SupportersList, SupportersImport, SupportersRights, AnalyticsRead, AnalyticsMail, DigestTeam,
		ExperimentsRun, ExperimentsDecide, LinksManage, EventsCreate, EventsRSVPs, RelayRead, RelayRepost}
}

// DeniedKey is the catalogue key of the message shown when a role may not
// do a at all.
func (a Action) DeniedKey() string { return "policy.denied." + string(a) }
