package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
)

// settingsErrorFiles are the files whose errors a person meets on the
// settings forms (members, invitation, accounts, slots, rounds, second
// approver, tone lists) and on the sign-in and invitation pages.
var settingsErrorFiles = []string{
	"../auth/service.go", "../auth/members.go", "../auth/invite.go", "../auth/throttle.go", "../auth/checks.go",
	"../approval/slot.go", "../approval/account.go", "../approval/step.go", "../approval/election.go",
	"../slot.go", "../round.go", "../election.go", "../connectors/validate.go", "../store/invitation.go",
	"page_settings_forms.go", "page_settings_tone.go", "api_member_admin.go", "page_invite.go",
	"../recurrence.go", "../video/upload.go", "../capture/capture.go", "../media.go", "api_media.go", "page_terrain.go",
}

// TestSettingsErrorsHaveTheirOwnMessage: every bad-input or conflict
// error of the settings forms carries a catalogue key whose French and
// English messages exist, differ from the generic "value refused" and
// hold no sentence of the other language ("… / …").
func TestSettingsErrorsHaveTheirOwnMessage(t *testing.T) {
	keys := map[string]bool{}
	for _, f := range settingsErrorFiles {
		for _, k := range errorKeys(t, f) {
			keys[k] = true
		}
		requireConflictsKeyed(t, f)
	}
	require.Greater(t, len(keys), 30)
	generic := map[string]bool{}
	for _, k := range []string{"error.invalid_field", "error.generic.invalid", "error.code.invalid", "error.generic.conflict", "tone_err.other"} {
		generic[messages[k][0]], generic[messages[k][1]] = true, true
	}
	for k := range keys {
		m, ok := messages[k]
		require.True(t, ok, "%s is in the catalogue", k)
		for i, lang := range []string{"fr", "en"} {
			require.NotEmpty(t, m[i], "%s in %s", k, lang)
			require.False(t, generic[m[i]], "%s in %s is generic", k, lang)
			require.NotContains(t, m[i], " / ", "%s in %s holds two languages", k, lang)
		}
	}
}

// requireConflictsKeyed fails on a relais.Errorf of a conflict, a rate
// limit or a bad input in file that is not given a catalogue key.
func requireConflictsKeyed(t *testing.T, file string) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	keyed := map[ast.Node]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, isSel := callee(call); isSel && sel.Sel.Name == "With" {
				keyed[unparen(sel.X)] = true
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && name(call.Fun) == "Errorf" && len(call.Args) > 1 {
			switch name(call.Args[0]) {
			case "ECONFLICT", "ERATELIMIT", "EINVALID":
				require.True(t, keyed[call], "%s: an error without a catalogue key: %s", file, stringLit(t, call.Args[1]))
			}
		}
		return true
	})
}

// TestSettingsErrorsSayWhy: the settings forms' errors read, word for
// word, in each language, with their parameters named for the reader
// (a role, a voting day).
func TestSettingsErrorsSayWhy(t *testing.T) {
	for _, c := range []struct {
		err    error
		fr, en string
	}{
		{relais.FieldErrorf("times", "x").With("error.slot_time", "value", "8h30"),
			"Heures : « 8h30 » n'est pas une heure (HH:MM, par ex. 08:30).", "Times: \u201c8h30\u201d is not a time (HH:MM, e.g. 08:30)."},
		{relais.FieldErrorf("member_id", "x").With("error.approver_role", "name", "Léa", "role", "community_manager"),
			"Seconde validation : le rôle de Léa (community manager) ne permet pas de valider.", "Second approval: Léa's role (community manager) may not approve posts."},
		{relais.FieldErrorf("member_id", "x").With("error.approver_role", "name", "Anne", "role", "colistier"),
			"Seconde validation : le rôle de Anne (colistier·e) ne permet pas de valider.", "Second approval: Anne's role (running mate) may not approve posts."},
		{relais.FieldErrorf("day", "x").With("error.round_exists", "day", "2027-03-14"),
			"Jour du vote : un tour est déjà déclaré le 14/03/2027.", "Voting day: a round is already declared on Sun 14 Mar 2027."},
		{relais.Errorf(relais.ECONFLICT, "x").With("error.last_admin"),
			"C'est le dernier compte admin actif : nommez d'abord un autre admin.", "This is the last active admin: make someone else admin first."},
		{relais.Errorf(relais.ECONFLICT, "x").With("error.suggestion_state", "state", "shared"),
			"Cette suggestion est déjà traitée (état : partagée).", "This suggestion is already handled (state: shared)."},
		{relais.Errorf(relais.ECONFLICT, "x").With("error.share_not_yet", "at", "2027-03-14T08:00:00Z"),
			"Pas encore : cette suggestion peut être publiée à partir du 14/03/2027 09:00 (les partages sont échelonnés).",
			"Not yet: this suggestion may be published from Sun 14 Mar 2027 09:00 (sharing is staggered)."},
		{(&relais.Recurrence{PostID: 1, Spec: "0 9 * * 1-5 *"}).Validate(time.Now()),
			"Expression cron : « 0 9 * * 1-5 * » n'est pas une expression valide (minute heure jour mois jour-de-semaine).",
			"Cron expression: \u201c0 9 * * 1-5 *\u201d is not valid (minute hour day month weekday)."},
	} {
		require.Equal(t, c.fr, localize("fr", relais.DefaultLocation(), c.err))
		require.Equal(t, c.en, localize("en", relais.DefaultLocation(), c.err))
	}
	often := (&relais.Recurrence{PostID: 1, Spec: "*/5 * * * *"}).Validate(time.Now())
	require.Regexp(t, `^Expression cron : « \*/5 \* \* \* \* » se répète plus d'une fois par heure \(le \d\d/\d\d/\d{4} \d\d:\d\d\) ; une heure au moins entre deux envois\.$`, localize("fr", relais.DefaultLocation(), often))
}

// TestNoErrorInTwoLanguages: no error the services build holds a
// sentence in each language at once ("… / …"): each is keyed in the
// catalogue and read in one language.
func TestNoErrorInTwoLanguages(t *testing.T) {
	both := regexp.MustCompile(`\p{L}[.)] / [\p{L}%]`)
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && (name(call.Fun) == "Errorf" || name(call.Fun) == "FieldErrorf" || name(call.Fun) == "refuse") {
				for _, a := range call.Args {
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						require.False(t, both.MatchString(lit.Value), "%s: an error in two languages: %s", path, lit.Value)
					}
				}
			}
			if kv, ok := n.(*ast.KeyValueExpr); ok && name(kv.Key) == "Message" {
				if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					require.False(t, both.MatchString(lit.Value), "%s: an error in two languages: %s", path, lit.Value)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
}

// TestUnkeyedErrorNamesRoles: an English reader of an error the services
// word with a role's code reads the role's name, not the code.
func TestUnkeyedErrorNamesRoles(t *testing.T) {
	err := relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not manage accounts' queues.", relais.RoleCommunityManager)
	require.Equal(t, "Your role (community manager) may not manage accounts' queues.", pageErrorText("en", relais.DefaultLocation(), err))
	require.Equal(t, "Votre rôle ne permet pas cette action.", pageErrorText("fr", relais.DefaultLocation(), err))
}

// TestErrorQuantitiesPerReader: a limit in an error reads with the
// reader's decimal mark and units.
func TestErrorQuantitiesPerReader(t *testing.T) {
	err := relais.FieldErrorf("file", "x").With("error.video.at_most", "platform", "Bluesky", "limit", "100.0 MB", "value", "101.5 MB")
	require.Equal(t, "Vidéo : Bluesky accepte 100,0\u00a0Mo au plus (ici 101,5\u00a0Mo).", localize("fr", relais.DefaultLocation(), err))
	require.Equal(t, "Video: Bluesky allows at most 100.0 MB (this is 101.5 MB).", localize("en", relais.DefaultLocation(), err))
	big := relais.FieldErrorf("file", "x").With("error.video.at_most", "platform", "Facebook", "limit", "10 GB", "value", "12 GB")
	require.Equal(t, "Vidéo : Facebook accepte 10\u00a0Go au plus (ici 12\u00a0Go).", localize("fr", relais.DefaultLocation(), big))
	img := relais.FieldErrorf("file", "x").With("error.image_large", "name", "a.png", "size", "5.2", "max", "5")
	require.Equal(t, "Image : a.png pèse 5,2 Mo ; 5 Mo au plus.", localize("fr", relais.DefaultLocation(), img))
}
