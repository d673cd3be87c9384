package supporters

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// TestReviewColistierWithoutDistrictSeesNoCounts: a colistier sees her
// district's counts only; one without a district has none to see, not
// the count of the contacts whose postcode placed them nowhere.
func TestReviewColistierWithoutDistrictSeesNoCounts(t *testing.T) {
	s := newService(t, "sqlite")
	_, err := s.Import(AsOperator(context.Background()), strings.NewReader(rightsCSV+"nowhere@exemple.fr,Zoé,13001,2026-02-12,meeting,oui\n"), Options{})
	require.NoError(t, err)
	all, err := s.Counts(AsOperator(context.Background()))
	require.NoError(t, err)
	require.Len(t, all, 3, "two sectors and the contacts placed nowhere")
	ctx := relais.NewContextWithMember(context.Background(), &relais.Member{ID: 9, Email: "c@exemple.fr", Role: relais.RoleColistier})
	counts, err := s.Counts(ctx)
	require.NoError(t, err)
	require.Empty(t, counts, "a colistier without a district read %v", counts)
}
