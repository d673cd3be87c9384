package policy

import "github.com/relais/relais"

// Scope limits a read to districts.
type Scope int

// Scopes of a rule.
const (
	AllDistricts      Scope = iota // everything
	HomeDistrict                   // the member's district only (none if she has none)
	HomeDistrictIfAny              // the member's district if she has one, else everything
)

// Rule is one row of the table: Role may do Action When the condition
// holds, within Scope.
type Rule struct {
	Role   relais.Role
	Action Action
	When   Condition
	Scope  Scope
}

const (
	admin     = relais.RoleAdmin
	editor    = relais.RoleEditor
	manager   = relais.RoleCommunityManager
	candidate = relais.RoleCandidate
	colistier = relais.RoleColistier
)

var (
	everyone = []relais.Role{admin, editor, manager, candidate, colistier}
	drafters = []relais.Role{admin, editor, manager, candidate} // the campaign team
	webTeam  = []relais.Role{admin, editor, manager}
	leads    = []relais.Role{admin, editor} // admins and web leads
	admins   = []relais.Role{admin}
)

// rows gives each role of roles the action, always.
func rows(a Action, roles ...relais.Role) []Rule {
	out := make([]Rule, len(roles))
	for i, r := range roles {
		out[i] = Rule{Role: r, Action: a, When: Always}
	}
	return out
}

// when gives each role of roles the action under condition c.
func when(a Action, c Condition, roles ...relais.Role) []Rule {
	out := rows(a, roles...)
	for i := range out {
		out[i].When = c
	}
	return out
}

// table is the policy. Read it by action.
var table = concat(
	rows(DashboardUse, everyone...),
	rows(PostReadUnpublished, drafters...),
	rows(PostReadReview, drafters...),
	rows(PostCreate, drafters...),
	rows(PostEdit, webTeam...), when(PostEdit, IsAuthor, candidate, colistier),
	rows(PostDelete, webTeam...), when(PostDelete, IsAuthor, candidate, colistier),
	rows(PostReschedule, webTeam...), when(PostReschedule, IsAuthor, candidate),
	rows(PostCancel, webTeam...), when(PostCancel, IsAuthor, candidate),
	when(PostApprove, NotAuthor, admin, editor, candidate),
	when(PostApproveSensitive, NotAuthor, candidate),
	rows(PostOverride, admins...),
	rows(PostDiscuss, drafters...),
	rows(PostTarget, webTeam...),
	when(PostTarget, CandidateOrCampaignAccount, candidate),
	when(PostTarget, OwnsAccount, colistier),
	rows(RecurringCreate, admin, editor, candidate),
	rows(RecurringRead, drafters...),
	rows(RecurringStop, drafters...),
	rows(DeliveriesRead, drafters...),
	rows(DeliveryResolve, leads...),
	rows(PresenceAnnounce, drafters...),
	rows(LiveStaffEvents, drafters...),
	rows(HomeInbox, colistier),
	rows(DistrictsOverview, admin, editor, colistier),
	rows(MembersReadEmail, leads...),
	rows(SlotsRead, drafters...),
	rows(SlotsManage, leads...),
	rows(AccountsManage, leads...),
	rows(AccountToneProfile, admins...), when(AccountToneProfile, OtherAccount, editor),
	rows(ApprovalStepsRead, leads...),
	rows(ApprovalStepsSet, admins...),
	rows(RoundsDeclare, leads...),
	rows(SettingsOpen, leads...),
	rows(ToneRulesSave, admins...),
	rows(MembersManage, admins...),
	rows(SupportersCount, admin, manager, candidate),
	[]Rule{{Role: editor, Action: SupportersCount, When: Always, Scope: HomeDistrictIfAny},
		{Role: colistier, Action: SupportersCount, When: Always, Scope: HomeDistrict}},
	rows(SupportersList, admin),
	[]Rule{{Role: editor, Action: SupportersList, When: Always, Scope: HomeDistrictIfAny}},
	rows(SupportersImport, leads...),
	rows(SupportersRights, admins...),
	rows(AnalyticsRead, drafters...),
	rows(AnalyticsMail, editor),
	rows(DigestTeam, admin, editor, candidate),
	rows(ExperimentsRun, drafters...),
	rows(ExperimentsDecide, leads...),
	rows(LinksManage, leads...),
	rows(EventsCreate, drafters...),
	rows(EventsRSVPs, leads...),
	rows(RelayRead, leads...),
	rows(RelayRepost, leads...), // a repost adds no words: no approval, audited
)

func concat(parts ...[]Rule) []Rule {
	var out []Rule
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Rules returns a copy of the table.
func Rules() []Rule { return append([]Rule(nil), table...) }
