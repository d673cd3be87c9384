package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSupportersCLIAndPages drives the commands and the import
// page: import (dry run, then for real), the list, the page's preview and
// column mapping, export, forget, and the refused re-import.
func TestSupportersCLIAndPages(t *testing.T) {
	t.Parallel()
	tm := MustRunMain(t, "sqlite")
	file := filepath.Join(t.TempDir(), "contacts.csv")
	require.NoError(t, os.WriteFile(file, []byte("\uFEFFemail;prénom;code postal;consent_at;consent_source;mobilised\n"+
		"Lea@Exemple.fr;Léa;75011;2026-02-12;meeting 12/02;oui\nsam@exemple.fr;Sam;75020;;;non\npas-une-adresse;X;;;;\n"), 0o600))
	var rep struct {
		Imported, Updated, Duplicates int
		Rejected                      []struct {
			Line          int
			Field, Reason string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(tm.cli("supporters", "import", file, "--dry-run")), &rep))
	require.Equal(t, 2, rep.Imported)
	require.Error(t, tm.cliErr("supporters", "export", "--email", "lea@exemple.fr"), "a dry run writes nothing")
	require.NoError(t, json.Unmarshal([]byte(tm.cli("supporters", "import", file, "--source", "meeting")), &rep))
	require.Equal(t, 2, rep.Imported)
	require.Len(t, rep.Rejected, 1)
	require.Equal(t, 4, rep.Rejected[0].Line)

	tm.member("admin@example.org", "admin")
	cookie := tm.login("admin@example.org")
	status, body := tm.page(cookie, "GET", "/supporters", "", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "lea@exemple.fr")
	require.Contains(t, body, "11e arrondissement")

	// The page: upload, preview with a guessed mapping, then import.
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	fw, _ := mw.CreateFormFile("file", "soutiens.csv")
	fw.Write([]byte("Courriel,Ville\nnoe@exemple.fr,Paris\n"))
	mw.WriteField("source", "stand du marché")
	mw.Close()
	status, body = tm.page(cookie, "POST", "/supporters/import", form.String(), map[string]string{"Content-Type": mw.FormDataContentType()})
	require.Equal(t, http.StatusOK, status, body)
	require.Regexp(t, `<option value="email" selected>email</option>`, body, "Courriel is guessed as email")
	tok := regexp.MustCompile(`name="token" value="([0-9a-f]{32})"`).FindStringSubmatch(body)
	require.NotNil(t, tok)
	status, body = tm.page(cookie, "POST", "/supporters/import", url.Values{"token": {tok[1]}, "source": {"stand du marché"}, "map_0": {"email"}, "action": {"import"}}.Encode(),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	require.Equal(t, http.StatusOK, status, body)
	require.Contains(t, body, "Nouveaux : 1")

	require.Contains(t, tm.cli("supporters", "export", "--email", "noe@exemple.fr"), `"source": "stand du marché"`)
	require.Contains(t, tm.cli("supporters", "forget", "--email", "LEA@exemple.fr"), `"erased": true`)
	require.NoError(t, json.Unmarshal([]byte(tm.cli("supporters", "import", file)), &rep))
	require.Equal(t, "opposed", rep.Rejected[0].Reason)
}

// login opens a session and returns its cookie.
func (tm *testMain) login(email string) string {
	tm.t.Helper()
	resp, err := noRedirect.PostForm(tm.URL+"/login", url.Values{"email": {email}, "password": {"long-enough-pw"}})
	require.NoError(tm.t, err)
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.Name == "relais_session" {
			return c.Value
		}
	}
	tm.t.Fatal("no session cookie")
	return ""
}

// page sends a request with the session cookie and returns status and body.
func (tm *testMain) page(cookie, method, path, body string, headers map[string]string) (int, string) {
	tm.t.Helper()
	req, err := http.NewRequest(method, tm.URL+path, strings.NewReader(body))
	require.NoError(tm.t, err)
	req.AddCookie(&http.Cookie{Name: "relais_session", Value: cookie})
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := noRedirect.Do(req)
	require.NoError(tm.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
