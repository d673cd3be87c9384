package relais

import (
	"context"
	"time"
)

// Role is what a member of the campaign may do: the policy package
// (policy.Rules) says what each role may do.
type Role string

// Roles, from most to least powerful. Supporters have no login.
const (
	RoleAdmin            Role = "admin"
	RoleEditor           Role = "editor"            // web lead: approves routine posts, manages accounts
	RoleCommunityManager Role = "community_manager" // drafts and schedules
	RoleCandidate        Role = "candidate"         // approves sensitive posts, owns her accounts
	RoleColistier        Role = "colistier"         // running mate: own inbox and accounts
)

// Roles lists every role that can sign in.
var Roles = []Role{RoleAdmin, RoleEditor, RoleCommunityManager, RoleCandidate, RoleColistier}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, q := range Roles {
		if r == q {
			return true
		}
	}
	return false
}

// Member is a person who signs in to relais.
type Member struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	District  string    `json:"district,omitempty"` // for colistiers and web leads
	Lang      string    `json:"lang"`               // "fr" or "en"
	CreatedAt time.Time `json:"created_at"`
	// DisabledAt is when an admin off-boarded the member: she can no
	// longer sign in, and her sessions and tokens are gone.
	DisabledAt *time.Time `json:"disabled_at,omitempty"`
}

type memberKey struct{}

// NewContextWithMember returns a copy of ctx carrying the signed-in member.
func NewContextWithMember(ctx context.Context, m *Member) context.Context {
	return context.WithValue(ctx, memberKey{}, m)
}

// MemberFromContext returns the signed-in member, or nil.
func MemberFromContext(ctx context.Context) *Member {
	m, _ := ctx.Value(memberKey{}).(*Member)
	return m
}
