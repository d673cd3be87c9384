package relais

import (
	"strconv"
	"strings"
	"unicode"
)

// DistrictRank orders Paris's sectors naturally: "Paris Centre" first, then
// by arrondissement number ("5e arrondissement" before "10e …"), then any
// other name after them; ok is false for a name with neither.
func DistrictRank(name string) (rank int, ok bool) {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(name)), "paris centre") {
		return 0, true
	}
	digits := strings.TrimLeftFunc(name, unicode.IsSpace)
	end := strings.IndexFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) })
	if end == -1 {
		end = len(digits)
	}
	n, err := strconv.Atoi(digits[:end])
	if err != nil {
		return 0, false
	}
	return n, true
}

// DistrictLess reports whether sector a comes before sector b in natural
// order: numbered sectors by number, others after them alphabetically.
func DistrictLess(a, b string) bool {
	ra, oka := DistrictRank(a)
	rb, okb := DistrictRank(b)
	switch {
	case oka && okb && ra != rb:
		return ra < rb
	case oka != okb:
		return oka
	}
	return a < b
}
