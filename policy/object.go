package policy

import "github.com/relais/relais"

// Object is what an action applies to, as far as the rules look at it.
// The zero Object stands for "no particular object".
type Object struct {
	AuthorID int64           // the post's author (0: no post)
	Account  *relais.Account // the account acted on or published to
}

// PostObject describes post p.
func PostObject(p *relais.Post) Object { return Object{AuthorID: p.AuthorID} }

// AccountObject describes account a.
func AccountObject(a *relais.Account) Object { return Object{Account: a} }

// Condition is when a row of the table applies, beyond the member's role.
type Condition struct {
	// Name is stable: the denial message's catalogue key is
	// "policy.unless." + Name.
	Name  string
	holds func(m *relais.Member, o Object) bool
}

// Holds reports whether the condition holds for m and o.
func (c Condition) Holds(m *relais.Member, o Object) bool { return c.holds(m, o) }

// DeniedKey is the catalogue key of the message shown when the role may
// do the action but the condition does not hold.
func (c Condition) DeniedKey() string { return "policy.unless." + c.Name }

// The conditions of the table.
var (
	Always = Condition{"always", func(*relais.Member, Object) bool { return true }}
	// IsAuthor holds when the member wrote the post.
	IsAuthor = Condition{"author", func(m *relais.Member, o Object) bool { return o.AuthorID != 0 && o.AuthorID == m.ID }}
	// NotAuthor holds unless the member wrote the post: nobody approves
	// her own.
	NotAuthor = Condition{"not_author", func(m *relais.Member, o Object) bool { return o.AuthorID != m.ID }}
	// OwnsAccount holds when the account is the member's own.
	OwnsAccount = Condition{"account_owner", func(m *relais.Member, o Object) bool {
		return o.Account != nil && o.Account.OwnerMemberID == m.ID
	}}
	// CandidateOrCampaignAccount holds for the candidate's and the
	// campaign's accounts.
	CandidateOrCampaignAccount = Condition{"candidate_account", func(_ *relais.Member, o Object) bool {
		return o.Account != nil && candidateOrCampaign(o.Account)
	}}
	// OtherAccount holds for accounts that are neither the candidate's
	// nor the campaign's.
	OtherAccount = Condition{"other_account", func(_ *relais.Member, o Object) bool {
		return o.Account != nil && !candidateOrCampaign(o.Account)
	}}
)

func candidateOrCampaign(a *relais.Account) bool {
	return a.OwnerKind == relais.OwnerCandidate || a.OwnerKind == relais.OwnerCampaign
}

// Conditions lists every condition the table uses.
func Conditions() []Condition {
	return []Condition{Always, IsAuthor, NotAuthor, OwnsAccount, CandidateOrCampaignAccount, OtherAccount}
}
