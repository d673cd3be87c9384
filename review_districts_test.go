package relais

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReviewDistrictIDsAreOneURLSegment: a district's ID is its page's
// URL (/districts/{id}, found case-insensitively): an ID repeated with
// another case, or one that is not a single clean path segment, would
// make a district unreachable or send its link elsewhere ("../settings").
func TestReviewDistrictIDsAreOneURLSegment(t *testing.T) {
	for _, id := range []string{"NORD", "a/b", "..", ".", "../settings", "x?y", "x#y", "x%2Fy", "a b", "x\ty"} {
		_, err := ParseDistricts([]byte(`{"districts":[{"id":"nord","name":"Nord","tile":{"row":1,"col":1}},
			{"id":` + quote(id) + `,"name":"Autre","tile":{"row":1,"col":2}}]}`))
		require.Error(t, err, "id %q", id)
	}
	_, err := ParseDistricts([]byte(`{"districts":[{"id":"nord-1_é","name":"Nord","tile":{"row":1,"col":1}}]}`))
	require.NoError(t, err)
}

func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		if r == '\t' {
			b = append(b, `\t`...)
		} else {
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}
