package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type crashView struct {
	ID         int64  `json:"id"`
	State      string `json:"state"`
	Text       string `json:"text"`
	Deliveries []struct {
		ID        int64  `json:"id"`
		AccountID int64  `json:"account_id"`
		Handle    string `json:"handle"`
		Platform  string `json:"platform"`
		State     string `json:"state"`
		RemoteID  string `json:"remote_id"`
	} `json:"deliveries"`
}

// crashWait polls the posts until every delivery is settled.
func crashWait(t *testing.T, c crashClient, ids []int64, limit time.Duration) []crashView {
	deadline := time.Now().Add(limit)
	for {
		views, open := make([]crashView, len(ids)), 0
		for i, id := range ids {
			require.Equal(t, http.StatusOK, c.call("GET", fmt.Sprintf("/api/posts/%d", id), nil, &views[i]))
			if len(views[i].Deliveries) != crashMastodon+crashHooks {
				open++
			}
			for _, d := range views[i].Deliveries {
				if d.State != "published" && d.State != "outcome_unknown" && d.State != "failed" {
					open++
				}
			}
		}
		if open == 0 {
			return views
		} else if time.Now().After(deadline) {
			t.Fatalf("%d deliveries still open after %s", open, limit)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// crashCheck asserts exactly-once delivery and returns how many deliveries
// are outcome_unknown.
func crashCheck(t *testing.T, plat *crashPlatform, views []crashView) int {
	unknown := 0
	for _, v := range views {
		for _, d := range v.Deliveries {
			var n int
			idx := 0
			fmt.Sscanf(d.Handle[1:], "%d", &idx)
			if d.Platform == "mastodon" {
				n = plat.statusCount(fmt.Sprintf("tok-%d", idx), v.Text)
				require.Equal(t, 1, n, "post %d to %s: statuses created", v.ID, d.Handle)
				require.Equal(t, "published", d.State, "post %d to %s", v.ID, d.Handle)
				continue
			}
			n = plat.hookCount(fmt.Sprintf("/hook/%d", idx), v.Text)
			require.LessOrEqual(t, n, 1, "post %d to %s: never blind-retried", v.ID, d.Handle)
			if fmt.Sprintf("/hook/%d", idx) == crashBadHook {
				require.Equal(t, "outcome_unknown", d.State, "post %d to %s: a 504 is not a failure", v.ID, d.Handle)
			}
			if d.State == "outcome_unknown" {
				unknown++
			} else {
				require.Equal(t, "published", d.State, "post %d to %s", v.ID, d.Handle)
				require.Equal(t, 1, n, "post %d to %s: published means received", v.ID, d.Handle)
			}
		}
		if unknown == 0 {
			require.Equal(t, "published", v.State)
		}
	}
	return unknown
}
