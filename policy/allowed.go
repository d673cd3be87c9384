package policy

import (
	"slices"

	"github.com/relais/relais"
)

// SignedOutKey is the catalogue key of the reason given to nobody signed in.
const SignedOutKey = "policy.signed_out"

// Decision is the answer to one question.
type Decision struct {
	Allowed bool
	// Reason is the catalogue key saying why not ("" when allowed).
	Reason string
	// Districts limits a scoped read (SupportersList, SupportersCount):
	// nil for every district, empty for none.
	Districts []string
}

// Allowed tells whether m may do a on o. A nil member may do nothing.
// When several rows of m's role name a, the first whose condition holds
// decides; when none holds, the reason is the first failed condition's.
func Allowed(m *relais.Member, a Action, o Object) Decision {
	if m == nil {
		return Decision{Reason: SignedOutKey}
	}
	reason := a.DeniedKey()
	for _, r := range table {
		if r.Role != m.Role || r.Action != a {
			continue
		}
		if r.When.Holds(m, o) {
			return Decision{Allowed: true, Districts: r.Scope.districts(m)}
		} else if reason == a.DeniedKey() {
			reason = r.When.DeniedKey()
		}
	}
	return Decision{Reason: reason}
}

// Can is Allowed(m, a, o).Allowed.
func Can(m *relais.Member, a Action, o Object) bool { return Allowed(m, a, o).Allowed }

// Grants reports whether role r may do a on some object: the table has a
// row for r and a, whatever its condition. Services ask it before they
// load the object, then Allowed on the object.
func Grants(r relais.Role, a Action) bool {
	return slices.ContainsFunc(table, func(x Rule) bool { return x.Role == r && x.Action == a })
}

// Holders returns the roles that may do a on some object, in the order of
// relais.Roles (e.g. who receives the weekly report by mail).
func Holders(a Action) []relais.Role {
	var out []relais.Role
	for _, r := range relais.Roles {
		if Grants(r, a) {
			out = append(out, r)
		}
	}
	return out
}

// districts returns the districts scope s leaves m (nil: all; empty:
// none, for HomeDistrict and a member without a district).
func (s Scope) districts(m *relais.Member) []string {
	switch {
	case s == HomeDistrict && m.District == "":
		return []string{}
	case s == HomeDistrict, s == HomeDistrictIfAny && m.District != "":
		return []string{m.District}
	}
	return nil
}

// InAudience reports whether m's role is one of audience, the roles a live
// event is addressed to.
func InAudience(m *relais.Member, audience []relais.Role) bool {
	return m != nil && slices.Contains(audience, m.Role)
}
