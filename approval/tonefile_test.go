package approval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/approval/tone"
)

// TestToneRulesFile: only an admin saves; bad rules name their line and
// leave both the file and the running rules alone; good rules are written,
// swapped in and audited.
func TestToneRulesFile(t *testing.T) {
	t.Parallel()
	b := setup(t, "sqlite")
	checker := tone.NewChecker(nil)
	path := filepath.Join(t.TempDir(), "tone.yaml")
	f := approval.NewToneRulesFile(b.store, checker, path, "# starter\n")
	lacombe := "Bernard Lacombe ment encore sur le budget."
	require.Equal(t, "ok", checker.Check(lacombe, "candidate").Verdict, "no opponents configured yet")

	y, err := f.Read(as(b.editor))
	require.NoError(t, err)
	require.Equal(t, "# starter\n", y)
	_, err = f.Read(as(b.cm))
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(err))

	good := []byte("opponents:\n  - name: Bernard Lacombe\n    aliases: [Lacombe]\n")
	require.Equal(t, relais.EFORBIDDEN, relais.ErrorCode(f.Save(as(b.editor), good)), "editors validate, admins save")

	before := b.auditCount()
	err = f.Save(as(b.admin), []byte("profiles:\n  candidate: {attack: blok}\n"))
	var ce *tone.ConfigError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, 2, ce.Line)
	_, statErr := os.Stat(path)
	require.True(t, os.IsNotExist(statErr), "bad rules are not written")
	require.Equal(t, before, b.auditCount())

	require.NoError(t, f.Save(as(b.admin), good))
	require.Equal(t, "block", checker.Check(lacombe, "candidate").Verdict, "the running rules were swapped")
	written, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, good, written)
	require.Equal(t, "tone.rules_reloaded", b.lastAudit().Action)
}
