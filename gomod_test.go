package relais

import (
	"os/exec"
	"testing"
)

// TestGoModTidy (issue 11 item 12): go.mod and go.sum are exactly what
// `go mod tidy` writes (direct requirements not marked indirect, no
// missing or stale sums). .ci/run runs the same check.
func TestGoModTidy(t *testing.T) {
	t.Parallel()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to check go.mod: %v", err)
	}
	out, err := exec.Command(goBin, "mod", "tidy", "-diff").CombinedOutput()
	if err != nil {
		t.Fatalf("go mod tidy would change go.mod/go.sum (run `go mod tidy` and commit):\n%s", out)
	}
}
