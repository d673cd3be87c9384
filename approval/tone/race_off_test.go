//go:build !race

package tone

// raceEnabled: the race detector makes sync.Pool drop items, so a check
// may allocate.
const raceEnabled = false
