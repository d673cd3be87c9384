package ui_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
	"github.com/relais/relais/ui"
)

// quietTone passes every text; noJobs and noEvents drop what they get.
type quietTone struct{}

func (quietTone) Check(string, string) (string, json.RawMessage) { return "ok", json.RawMessage(`[]`) }
func (quietTone) Signals(string) (bool, bool, bool)              { return false, false, false }

type noJobs struct{}

func (noJobs) EnqueueFanOut(context.Context, *sql.Tx, int64, string, time.Time) error { return nil }

type noEvents struct{}

func (noEvents) Publish(relais.Event) {}

// TestLifecycleConflictOverHTTP: an event the lifecycle refuses (approve
// a draft) reaches an API caller as a 409 conflict whose params name the
// state, the event and where it leads, in the caller's language.
func TestLifecycleConflictOverHTTP(t *testing.T) {
	st := storetest.Open(t, store.DialectSQLite)
	ctx := context.Background()
	svc := approval.New(st, quietTone{}, noJobs{}, noEvents{})
	cm := &relais.Member{Email: "cm@x.fr", Name: "cm", Role: relais.RoleCommunityManager}
	editor := &relais.Member{Email: "web@x.fr", Name: "web", Role: relais.RoleEditor}
	a := &relais.Account{Platform: relais.PlatformX, Handle: "avecanne", OwnerKind: relais.OwnerCampaign}
	storetest.Must(t, st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMember(cm, ""); err != nil {
			return err
		} else if err := tx.CreateMember(editor, ""); err != nil {
			return err
		}
		return tx.CreateAccount(a, nil)
	}))
	p, err := svc.CreatePost(relais.NewContextWithMember(ctx, cm), approval.PostInput{Text: "Réunion publique", Targets: []approval.Target{{ID: a.ID}}})
	require.NoError(t, err)
	au := auth.New(st)
	token, err := au.IssueToken(ctx, editor.Email)
	require.NoError(t, err)
	srv := httptest.NewServer(ui.New(ui.Config{Auth: au, Approval: svc, Hub: ui.NewHub()}))
	defer srv.Close()
	for lang, msg := range map[string]string{
		"en": "Cannot approve: the post is draft (this action leads to: scheduled).",
		"fr": "Action « approuver » impossible : la publication est à l'état « brouillon » (cette action mène à : programmé).",
	} {
		req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/posts/%d/approve?lang=%s", srv.URL, p.ID, lang),
			strings.NewReader(`{"content_hash":"`+p.ContentHash+`"}`))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		var body struct {
			Error struct {
				Code, Message string
				Params        map[string]string
			}
		}
		require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
		res.Body.Close()
		require.Equal(t, http.StatusConflict, res.StatusCode)
		require.Equal(t, "conflict", body.Error.Code)
		require.Equal(t, map[string]string{"kind": "post", "from": "draft", "event": "approve", "to": "scheduled"}, body.Error.Params)
		require.Equal(t, msg, body.Error.Message)
	}
}
