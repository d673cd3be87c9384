package supporters

import (
	"context"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
)

// Who sees what (issue 16): editors and admins see the list (a web lead
// with a sector only that sector's contacts); community managers and the
// candidate see the counts; colistiers see only their district's counts;
// importing is for editors and admins; export and erasure for admins. The
// policy's supporters.* rows say so (policy.Rules); the operator (no
// member) may do everything.

// caller returns the signed-in member, nil for the operator.
func caller(ctx context.Context) (*relais.Member, error) {
	if isOperator(ctx) {
		return nil, nil
	}
	m := relais.MemberFromContext(ctx)
	if m == nil {
		return nil, relais.Errorf(relais.EUNAUTHORIZED, "Sign in first.")
	}
	return m, nil
}

// listScope returns the districts whose contacts the caller may list (nil:
// all) or EFORBIDDEN.
func listScope(ctx context.Context) ([]string, error) {
	m, err := caller(ctx)
	if err != nil || m == nil {
		return nil, err
	} else if d := policy.Allowed(m, policy.SupportersList, policy.Object{}); d.Allowed {
		return d.Districts, nil
	}
	return nil, relais.Errorf(relais.EFORBIDDEN, "Only the web team's editors and admins see the supporters list.")
}

// countScope returns the districts whose counts the caller may see (nil:
// all).
func countScope(ctx context.Context) ([]string, error) {
	m, err := caller(ctx)
	if err != nil || m == nil {
		return nil, err
	} else if d := policy.Allowed(m, policy.SupportersCount, policy.Object{}); d.Allowed {
		return d.Districts, nil
	}
	return nil, relais.Errorf(relais.EFORBIDDEN, "Your role may not see the supporters' counts.")
}

// mayImport allows editors and admins.
func mayImport(ctx context.Context) error {
	m, err := caller(ctx)
	if err != nil || m == nil || policy.Can(m, policy.SupportersImport, policy.Object{}) {
		return err
	}
	return relais.Errorf(relais.EFORBIDDEN, "Only editors and admins import supporters.")
}

// mayExercise allows admins (and the operator) to export and erase.
func mayExercise(ctx context.Context) error {
	m, err := caller(ctx)
	if err != nil || m == nil || policy.Can(m, policy.SupportersRights, policy.Object{}) {
		return err
	}
	return relais.Errorf(relais.EFORBIDDEN, "Only admins export or erase a person's data.")
}

// MayImport returns EFORBIDDEN unless the caller may import (editors and
// admins), for pages that check before reading an upload.
func MayImport(ctx context.Context) error { return mayImport(ctx) }
