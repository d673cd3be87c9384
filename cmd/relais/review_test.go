package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReviewExperimentDecideBeforeApprovalHTTP: through the API, an
// editor who decides an experiment whose variants nobody approved gets a
// conflict, and no colistier receives any variant.
func TestReviewExperimentDecideBeforeApprovalHTTP(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	editor := tm.member("lead@example.org", "editor")
	var cols []string
	for i := 0; i < 4; i++ {
		email := fmt.Sprintf("c%d@example.org", i)
		tm.cli("user", "add", "--email", email, "--name", fmt.Sprintf("c%d", i), "--role", "colistier", "--district", "11e", "--password", "long-enough-pw")
		cols = append(cols, tm.cli("user", "token", "--email", email))
	}
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	var post struct{ ID int64 }
	require.Equal(t, http.StatusCreated, tm.call(editor, "POST", "/api/posts", `{"text":"Réunion jeudi","targets":["@avecanne"]}`, &post))
	var exp struct {
		ID       int64
		State    string
		Variants []struct {
			PostState string `json:"post_state"`
		}
	}
	require.Equal(t, http.StatusCreated, tm.call(editor, "POST", "/api/experiments", map[string]any{"post_id": post.ID, "audience": "colistiers",
		"sample": 0.5, "metric": "shares", "decide_after": "2h", "variants": []map[string]string{{"text": "Texte A"}, {"text": "Texte B"}}}, &exp))
	require.Equal(t, "in_review", exp.Variants[0].PostState)

	assert.Equal(t, http.StatusConflict, tm.call(editor, "POST", fmt.Sprintf("/api/experiments/%d/decide", exp.ID), nil, nil),
		"deciding before the variants are approved would send unapproved text")
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) { // the job queue polls every 50 ms
		for i, tok := range cols {
			var in struct{ Suggestions []any }
			require.Equal(t, http.StatusOK, tm.call(tok, "GET", "/api/suggestions", nil, &in))
			require.Empty(t, in.Suggestions, "colistier %d received a variant nobody approved", i)
		}
	}
}
