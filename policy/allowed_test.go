package policy

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

func member(id int64, r relais.Role, district string) *relais.Member {
	return &relais.Member{ID: id, Role: r, District: district}
}

// TestAllowedFollowsTheTable checks Allowed against the table itself for
// every role, action and a set of objects: allowed exactly when a row of
// the role holds, otherwise with a reason that names the action or the
// failed condition.
func TestAllowedFollowsTheTable(t *testing.T) {
	objects := []Object{{}, {AuthorID: 7}, {AuthorID: 8},
		{Account: &relais.Account{OwnerKind: relais.OwnerCandidate}},
		{Account: &relais.Account{OwnerKind: relais.OwnerColistier, OwnerMemberID: 7}},
		{Account: &relais.Account{OwnerKind: relais.OwnerDistrict}}}
	for _, r := range relais.Roles {
		m := member(7, r, "")
		for _, a := range Actions() {
			for _, o := range objects {
				want, failed := false, []string{}
				for _, row := range Rules() {
					if row.Role == r && row.Action == a {
						want = want || row.When.Holds(m, o)
						failed = append(failed, row.When.DeniedKey())
					}
				}
				d := Allowed(m, a, o)
				require.Equal(t, want, d.Allowed, "%s %s %+v", r, a, o)
				switch {
				case d.Allowed:
					require.Empty(t, d.Reason)
				case len(failed) == 0:
					require.Equal(t, a.DeniedKey(), d.Reason)
				default:
					require.Equal(t, failed[0], d.Reason)
				}
			}
		}
	}
}

func TestNobodySignedInMayDoNothing(t *testing.T) {
	for _, a := range Actions() {
		d := Allowed(nil, a, Object{})
		require.False(t, d.Allowed)
		require.Equal(t, SignedOutKey, d.Reason)
	}
	require.False(t, InAudience(nil, relais.Roles))
}

// TestConditions pins what each condition means on the cases the
// services rely on.
func TestConditions(t *testing.T) {
	anne, cand := member(7, relais.RoleCandidate, ""), &relais.Account{OwnerKind: relais.OwnerCandidate}
	col := member(9, relais.RoleColistier, "11e")
	require.True(t, Can(anne, PostEdit, Object{AuthorID: 7}))
	require.False(t, Can(anne, PostEdit, Object{AuthorID: 8}))
	require.False(t, Can(anne, PostEdit, Object{}), "no post: nobody is its author")
	require.Equal(t, "policy.unless.author", Allowed(anne, PostEdit, Object{AuthorID: 8}).Reason)
	require.False(t, Can(anne, PostApprove, Object{AuthorID: 7}), "nobody approves her own post")
	require.True(t, Can(anne, PostApproveSensitive, Object{AuthorID: 8}))
	require.False(t, Can(member(1, relais.RoleEditor, ""), PostApproveSensitive, Object{AuthorID: 8}))
	require.True(t, Can(anne, PostTarget, AccountObject(cand)))
	require.True(t, Can(anne, PostTarget, AccountObject(&relais.Account{OwnerKind: relais.OwnerCampaign})))
	require.False(t, Can(anne, PostTarget, AccountObject(&relais.Account{OwnerKind: relais.OwnerColistier, OwnerMemberID: 9})))
	require.True(t, Can(col, PostTarget, AccountObject(&relais.Account{OwnerKind: relais.OwnerColistier, OwnerMemberID: 9})))
	require.False(t, Can(col, PostTarget, AccountObject(cand)))
	ed := member(2, relais.RoleEditor, "")
	require.False(t, Can(ed, AccountToneProfile, AccountObject(cand)))
	require.True(t, Can(ed, AccountToneProfile, AccountObject(&relais.Account{OwnerKind: relais.OwnerDistrict})))
	require.True(t, Can(member(3, relais.RoleAdmin, ""), AccountToneProfile, AccountObject(cand)))
}

// TestScopes checks the district scopes of the supporters' reads.
func TestScopes(t *testing.T) {
	require.Nil(t, Allowed(member(1, relais.RoleAdmin, "11e"), SupportersList, Object{}).Districts)
	require.Equal(t, []string{"11e"}, Allowed(member(2, relais.RoleEditor, "11e"), SupportersList, Object{}).Districts)
	require.Nil(t, Allowed(member(2, relais.RoleEditor, ""), SupportersList, Object{}).Districts)
	require.Equal(t, []string{"11e"}, Allowed(member(3, relais.RoleColistier, "11e"), SupportersCount, Object{}).Districts)
	require.Equal(t, []string{}, Allowed(member(3, relais.RoleColistier, ""), SupportersCount, Object{}).Districts,
		"a colistier without a district sees no district's counts (not those of the contacts placed nowhere)")
	require.Nil(t, Allowed(member(4, relais.RoleCandidate, "11e"), SupportersCount, Object{}).Districts)
	require.False(t, Can(member(4, relais.RoleCandidate, ""), SupportersList, Object{}))
}

func TestHoldersAndAudience(t *testing.T) {
	require.Equal(t, []relais.Role{relais.RoleEditor}, Holders(AnalyticsMail))
	require.Equal(t, []relais.Role{relais.RoleAdmin}, Holders(MembersManage))
	require.True(t, Grants(relais.RoleCandidate, PostEdit), "the candidate edits her own posts")
	require.False(t, Grants(relais.RoleColistier, PostCreate))
	col := member(9, relais.RoleColistier, "")
	require.True(t, InAudience(col, []relais.Role{relais.RoleAdmin, relais.RoleColistier}))
	require.False(t, InAudience(col, []relais.Role{relais.RoleAdmin}))
}
