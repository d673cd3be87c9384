package video

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSweepKeepsWhatPostsNeed: an upload a live post carries stays
// whatever its age; one whose posts are all done goes after the done
// retention; bytes left without their record go once old; other files in
// the directory are left alone.
func TestSweepKeepsWhatPostsNeed(t *testing.T) {
	dir := t.TempDir()
	us, err := NewUploads(dir)
	require.NoError(t, err)
	old := time.Now().Add(-60 * 24 * time.Hour)
	for _, id := range []string{"aa", "bb", "cc"} {
		u := &Upload{ID: id + "000000000000000000000000000000", Size: 1, CreatedAt: old}
		require.NoError(t, os.WriteFile(us.path(u.ID), []byte("x"), 0o600))
		require.NoError(t, us.save(u))
	}
	orphan := "dd000000000000000000000000000000"
	require.NoError(t, os.WriteFile(us.path(orphan), []byte("x"), 0o600))
	require.NoError(t, os.Chtimes(us.path(orphan), old, old))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README"), []byte("x"), 0o600))

	now := time.Now()
	uses := []Use{
		{UploadID: "aa000000000000000000000000000000", Done: false, Since: old}, // a draft: kept
		{UploadID: "bb000000000000000000000000000000", Done: true, Since: old},  // published long ago
		{UploadID: "cc000000000000000000000000000000", Done: true, Since: now},  // published today
		{UploadID: "cc000000000000000000000000000000", Done: true, Since: old},  // and an older post
	}
	n, err := us.Sweep(uses, now.Add(-DefaultUnattachedRetention), now.Add(-DefaultDoneRetention))
	require.NoError(t, err)
	require.Equal(t, 2, n)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	require.ElementsMatch(t, []string{"README", "aa000000000000000000000000000000", "aa000000000000000000000000000000.json",
		"cc000000000000000000000000000000", "cc000000000000000000000000000000.json"}, left)
}
