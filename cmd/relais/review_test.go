package main

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

// TestReviewMemberEmailsOnlyForLeads: the policy gives members' e-mail
// addresses to admins and web leads only (members.read_email); the
// mention list and a post's history must not hand them to the community
// manager or the candidate.
func TestReviewMemberEmailsOnlyForLeads(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	tokens := map[string]string{}
	for _, role := range []string{"editor", "community_manager", "candidate"} {
		tokens[role] = tm.member(role+"@example.org", role)
	}
	tm.cli("account", "add", "--platform", "sandbox", "--handle", "avecanne", "--owner", "campaign")
	var post struct{ ID int64 }
	require.Equal(t, http.StatusCreated, tm.call(tokens["community_manager"], "POST", "/api/posts", `{"text":"Réunion jeudi","targets":["@avecanne"]}`, &post))
	for role, tok := range tokens {
		var members, view struct {
			Members []struct{ Email string }
			History []struct{ Actor string }
		}
		require.Equal(t, http.StatusOK, tm.call(tok, "GET", "/api/members", nil, &members), role)
		require.Equal(t, http.StatusOK, tm.call(tok, "GET", fmt.Sprintf("/api/posts/%d", post.ID), nil, &view), role)
		require.NotEmpty(t, members.Members, role)
		require.NotEmpty(t, view.History, role)
		lead := role == "editor"
		for _, m := range members.Members {
			require.Equal(t, lead, m.Email != "", "%s reads e-mail %q", role, m.Email)
		}
		for _, h := range view.History {
			require.Equal(t, lead, strings.Contains(h.Actor, "@example.org"), "%s reads history actor %q", role, h.Actor)
		}
	}
}

// TestReviewWeeklyReportSupportersScoped: a sector's web lead sees the
// supporters' counts of her sector only (policy: supporters.count scoped
// to her district; her weekly mail says so); the report's page, API and
// CSV must not give her the other sectors' new supporters.
func TestReviewWeeklyReportSupportersScoped(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	file := filepath.Join(t.TempDir(), "contacts.csv")
	require.NoError(t, os.WriteFile(file, []byte("email;prénom;code postal;consent_at;consent_source;mobilised\n"+
		"lea@exemple.fr;Léa;75011;2026-02-12;meeting;oui\nsam@exemple.fr;Sam;75020;2026-02-12;meeting;oui\n"), 0o600))
	tm.cli("supporters", "import", file)
	y, wk := time.Now().ISOWeek()
	week := fmt.Sprintf("?week=%d-W%02d", y, wk) // imported this week
	admin := tm.member("admin@example.org", "admin")
	tm.cli("user", "add", "--email", "lead11@example.org", "--name", "Lead", "--role", "editor", "--district", "11e arrondissement", "--password", "long-enough-pw")
	lead := tm.cli("user", "token", "--email", "lead11@example.org")
	newIn := func(token string) map[string]*int64 {
		var rep struct {
			Sectors []struct {
				District      string
				NewSupporters *int64 `json:"new_supporters"`
			}
		}
		require.Equal(t, http.StatusOK, tm.call(token, "GET", "/api/reports/weekly"+week, nil, &rep))
		out := map[string]*int64{}
		for _, s := range rep.Sectors {
			out[s.District] = s.NewSupporters
		}
		return out
	}
	all := newIn(admin)
	require.NotNil(t, all["20e arrondissement"])
	require.EqualValues(t, 1, *all["20e arrondissement"], "the admin sees every sector")
	mine := newIn(lead)
	require.NotNil(t, mine["11e arrondissement"])
	require.EqualValues(t, 1, *mine["11e arrondissement"])
	require.Nil(t, mine["20e arrondissement"], "the 11e's web lead read the 20e's new supporters")
	status, body := tm.page(tm.login("lead11@example.org"), "GET", "/reports/weekly.csv"+week, "", nil)
	require.Equal(t, http.StatusOK, status)
	cr := csv.NewReader(strings.NewReader(body))
	cr.FieldsPerRecord = -1 // the sources follow the rows
	rows, err := cr.ReadAll()
	require.NoError(t, err)
	seen := false
	for _, row := range rows {
		if len(row) > 10 && row[1] == "20e arrondissement" {
			seen = true
			require.NotEqual(t, "1", row[10], "the CSV gave the 11e's web lead the 20e's new supporters")
		}
	}
	require.True(t, seen, "the CSV has a 20e row")
}
