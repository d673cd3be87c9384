package relais

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDefaultDistrictsAreParis: the embedded default is the 17 Paris
// sectors, 163 seats, in order, each on its own tile.
func TestDefaultDistrictsAreParis(t *testing.T) {
	ds := DefaultDistricts()
	require.Len(t, ds, 17)
	require.Equal(t, "Paris Centre", ds[0].Name)
	require.Equal(t, "Centre", ds[0].Label())
	total := 0
	for _, d := range ds {
		total += d.Seats
	}
	require.Equal(t, 163, total)
	d, ok := ds.ByID("16E")
	require.True(t, ok)
	require.Contains(t, d.Postcodes, "75116")
}

// TestParseDistrictsListsProblems: a bad file names every bad district.
func TestParseDistrictsListsProblems(t *testing.T) {
	_, err := ParseDistricts([]byte(`{"districts":[{"id":"a","name":"A","tile":{"row":1,"col":1}},
		{"id":"a","name":"B","tile":{"row":1,"col":2}},{"id":"c","name":"C","tile":{"row":0,"col":1}},{"name":"D"}]}`))
	require.ErrorContains(t, err, `district "a": id, name and tile must be unique`)
	require.ErrorContains(t, err, `district "c": tile row and col`)
	require.ErrorContains(t, err, "district 4: id and name are required")
	_, err = ParseDistricts([]byte(`{"districts":[]}`))
	require.ErrorContains(t, err, "no districts")
	ds, err := ParseDistricts([]byte(`{"districts":[{"id":"n","name":"Nord","order":2,"tile":{"row":1,"col":1}},
		{"id":"s","name":"Sud","order":1,"tile":{"row":2,"col":1}}]}`))
	require.NoError(t, err)
	require.Equal(t, "Sud", ds[0].Name, "sorted by order")
}
