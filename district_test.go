package relais

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDistrictNaturalOrder(t *testing.T) {
	got := []string{"10e arrondissement", "20e arrondissement", "5e arrondissement", "Paris Centre", "", "9e arrondissement", "Banlieue"}
	sort.SliceStable(got, func(i, j int) bool { return DistrictLess(got[i], got[j]) })
	require.Equal(t, []string{"Paris Centre", "5e arrondissement", "9e arrondissement", "10e arrondissement", "20e arrondissement", "", "Banlieue"}, got)
}
