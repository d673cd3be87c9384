package ui

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/relais/relais"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/supporters"
)

// TestUnsubscribeOneClick checks the public unsubscribe: GET only shows
// the page (in the person's language), the page's button and a mail
// client's RFC 8058 one-click POST unsubscribe without login, and the
// confirmation says so.
func TestUnsubscribeOneClick(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	svc := supporters.New(st, supporters.Config{BaseURL: "https://relais.example"})
	ctx := supporters.AsOperator(context.Background())
	csv := "email,consent_at,consent_source,mobilised\nlea@exemple.fr,2026-01-10,formulaire,oui\nsam@exemple.fr,2026-01-10,formulaire,oui\n"
	if _, err := svc.Import(ctx, strings.NewReader(csv), supporters.Options{}); err != nil {
		t.Fatal(err)
	}
	var lea, sam string
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) (err error) {
		ids, err := tx.SupporterIDs(nil)
		if err == nil {
			lea, err = tx.SupporterToken(ids[0])
		}
		if err == nil {
			sam, err = tx.SupporterToken(ids[1])
		}
		return err
	}))
	srv := httptest.NewServer(New(Config{Supporters: svc}))
	defer srv.Close()

	status, body := get(t, srv.URL+"/u/"+lea)
	want(t, status == 200 && strings.Contains(body, "Me désinscrire") && strings.Contains(body, `action="/u/`+lea+`"`), "GET shows the French page: %d %s", status, body)
	want(t, reachable(t, svc, "lea@exemple.fr"), "a GET does not unsubscribe")
	status, body = get(t, srv.URL+"/u/"+lea+"?lang=en")
	want(t, status == 200 && strings.Contains(body, "Unsubscribe me"), "?lang=en: %s", body)

	resp, err := http.PostForm(srv.URL+"/u/"+lea, url.Values{"mode": {"digest"}})
	want(t, err == nil && resp.StatusCode == 200, "digest choice: %v", err)
	resp.Body.Close()
	ex, _ := svc.Export(ctx, "lea@exemple.fr")
	want(t, ex.Contact.KitMode == relais.KitDigest && reachable(t, svc, "lea@exemple.fr"), "the daily digest chosen, still subscribed")
	status, body = get(t, srv.URL+"/u/"+lea)
	want(t, strings.Contains(body, "Un message par publication"), "the page offers the way back: %s", body)

	resp, err = http.PostForm(srv.URL+"/u/"+lea, url.Values{"List-Unsubscribe": {"One-Click"}})
	want(t, err == nil, "%v", err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want(t, resp.StatusCode == 200 && strings.Contains(string(b), "ne recevrez plus aucun message"), "confirmed: %d %s", resp.StatusCode, b)
	want(t, !reachable(t, svc, "lea@exemple.fr"), "unsubscribed at once")

	// A mail client's one-click POST (RFC 8058 §3.1): no cookie, no Origin.
	resp, err = http.Post(srv.URL+"/u/"+sam, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	want(t, err == nil && resp.StatusCode == 200, "one-click POST: %v", err)
	resp.Body.Close()
	want(t, !reachable(t, svc, "sam@exemple.fr"), "one-click POST unsubscribes")

	status, body = get(t, srv.URL+"/u/00000000000000000000000000000000")
	want(t, status == 404 && strings.Contains(body, "pas valide"), "unknown token: %d", status)
}

func get(t *testing.T, u string) (int, string) {
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func want(t *testing.T, ok bool, format string, args ...any) {
	t.Helper()
	if !ok {
		t.Fatalf(format, args...)
	}
}

func reachable(t *testing.T, svc *supporters.Service, email string) bool {
	ex, err := svc.Export(supporters.AsOperator(context.Background()), email)
	if err != nil {
		t.Fatal(err)
	}
	return ex.Contact.Status == relais.SupporterActive && ex.Contact.Mobilised
}
