package mastodon

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais/connectors"
)

// instance45 is GET /api/v2/instance of a Mastodon 4.5 server: it
// announces api_versions.mastodon 7, from which POST /api/v1/statuses
// takes quoted_status_id (https://docs.joinmastodon.org/client/quotes,
// https://docs.joinmastodon.org/entities/Instance/#api_versions).
var instance45 = strings.Replace(instanceBody, `"version":"4.5.0",`, `"version":"4.5.0","api_versions":{"mastodon":7},`, 1)

// quoteServer records the statuses posted and answers GET /api/v2/search
// (https://docs.joinmastodon.org/methods/search/#v2) with status 777 for
// the other instance's post; refuse422 makes it refuse quotes with 422,
// as Mastodon does when the quote policy disallows them.
type quoteServer struct {
	mu        sync.Mutex
	posted    []map[string]any
	keys      []string
	searches  []string
	refuse422 bool
}

func (q *quoteServer) handle(w http.ResponseWriter, r *http.Request, body []byte) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if r.URL.Path == "/api/v2/search" {
		q.searches = append(q.searches, r.URL.RawQuery)
		if r.URL.Query().Get("q") == "https://other.example/@paul/99" && r.URL.Query().Get("resolve") == "true" {
			w.Write([]byte(`{"accounts":[],"hashtags":[],"statuses":[{"id":"777","url":"https://other.example/@paul/99"}]}`))
		} else {
			w.Write([]byte(`{"accounts":[],"hashtags":[],"statuses":[]}`))
		}
		return true
	}
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	q.posted, q.keys = append(q.posted, m), append(q.keys, r.Header.Get("Idempotency-Key"))
	if q.refuse422 && m["quoted_status_id"] != nil {
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write([]byte(`{"error":"Validation failed: Quoted status is not quotable"}`))
		return true
	}
	return false
}

func quoteDraft(uri, id string) connectors.Draft {
	return connectors.Draft{Text: "Bravo Paul !\n\n" + uri, Language: "fr", Quote: &connectors.Quote{URI: uri, ID: id}}
}

// TestQuoteOnMastodon45: on an instance announcing API version 7 a quote
// of one of its own statuses is sent with quoted_status_id (the status's
// id there, nothing searched); a status of another instance is resolved
// there first and quoted by the id found; the text, as approved, keeps the
// post's link for every reader whose app shows no quote.
func TestQuoteOnMastodon45(t *testing.T) {
	t.Parallel()
	qs := &quoteServer{}
	f := mustFake(t, qs.handle)
	f.instance = instance45
	c := New(nil, "", "")
	_, err := c.Publish(context.Background(), f.account(), quoteDraft(f.srv.URL+"/@paul/42", "42"), "k1")
	require.NoError(t, err)
	require.Equal(t, "42", qs.posted[0]["quoted_status_id"])
	require.Equal(t, "Bravo Paul !\n\n"+f.srv.URL+"/@paul/42", qs.posted[0]["status"])
	require.Empty(t, qs.searches, "a status of the same instance is quoted by its id")

	_, err = c.Publish(context.Background(), f.account(), quoteDraft("https://other.example/@paul/99", "99"), "k2")
	require.NoError(t, err)
	require.Len(t, qs.searches, 1)
	require.Equal(t, "777", qs.posted[1]["quoted_status_id"], "the id on the campaign's instance, not the colistier's")
}

// TestQuoteOnOlderMastodonIsALink: an instance that announces no API
// version 7 (Mastodon 4.4 and before, other servers) gets the text with
// the link and no quoted_status_id; a status the instance cannot find is
// not quoted either.
func TestQuoteOnOlderMastodonIsALink(t *testing.T) {
	t.Parallel()
	qs := &quoteServer{}
	f := mustFake(t, qs.handle)
	c := New(nil, "", "")
	_, err := c.Publish(context.Background(), f.account(), quoteDraft(f.srv.URL+"/@paul/42", "42"), "k1")
	require.NoError(t, err)
	require.NotContains(t, qs.posted[0], "quoted_status_id")
	require.Empty(t, qs.searches)

	g := mustFake(t, qs.handle)
	g.instance = instance45
	_, err = c.Publish(context.Background(), g.account(), quoteDraft("https://gone.example/@paul/1", "1"), "k2")
	require.NoError(t, err)
	require.NotContains(t, qs.posted[1], "quoted_status_id", "not found on the instance: a link only")
}

// TestQuoteRefusedIsSentAsALink: Mastodon refuses a quote its policy
// disallows with 422 and creates nothing; the status goes again without
// quoted_status_id, with the same Idempotency-Key, and is published.
func TestQuoteRefusedIsSentAsALink(t *testing.T) {
	t.Parallel()
	qs := &quoteServer{refuse422: true}
	f := mustFake(t, qs.handle)
	f.instance = instance45
	rc, err := New(nil, "", "").Publish(context.Background(), f.account(), quoteDraft(f.srv.URL+"/@paul/42", "42"), "k1")
	require.NoError(t, err)
	require.NotEmpty(t, rc.RemoteID)
	require.Len(t, qs.posted, 2)
	require.Equal(t, "42", qs.posted[0]["quoted_status_id"])
	require.NotContains(t, qs.posted[1], "quoted_status_id")
	require.Equal(t, []string{"k1", "k1"}, qs.keys)
}
