package main

import (
	"fmt"
	"net/url"
	"time"

	"github.com/relais/relais"
)

// The role × route matrix. TestRoleMatrix calls every authenticated route
// (ui.Server.Patterns) as every role and as an anonymous visitor. Who may
// use a route is not written here: each route names its policy action
// (ui.RouteAction) and the expected answer for each role comes from
// policy.Allowed, on the fixture's object (a post by another member). This
// file only says how to call each route, and fails for a route without a
// row: when you add a route, add a row here and an action in ui.
//
// A role the policy refuses must be refused (403, or 404 where the object
// is hidden from it), anonymous callers get 401 on the API and a redirect
// to /login on pages. An allowed call must succeed (2xx, or a redirect
// elsewhere than /login), unless the row is loose: then it must only get
// past the role check (no 401/403), for routes whose fixture the matrix
// cannot build yet (their owner should make them strict).

// everyone lists the roles the matrix signs in as.
var everyone = []string{"admin", "editor", "community_manager", "candidate", "colistier"}

// matrixCall is one request: its path (the pattern's, with values) and
// body (JSON for the API, form-encoded for pages).
type matrixCall struct {
	path string
	body string
}

// matrixEntry says how to call a route. call builds fresh objects for
// each call (nil: the pattern's path, no body).
type matrixEntry struct {
	call  func(f *fixture) matrixCall
	loose bool
	ws    bool // a websocket: dialled, not requested
}

func inHours(h int) string {
	return time.Now().Add(time.Duration(h) * time.Hour).UTC().Format(time.RFC3339)
}

var roleMatrix = map[string]matrixEntry{
	// Core API.
	"GET /api/me":       {},
	"GET /api/accounts": {},
	"GET /api/posts":    {}, // colistiers see published posts only
	"POST /api/posts": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/posts", fmt.Sprintf(`{"text":"Réunion publique jeudi","targets":[%d]}`, f.campaign)}
	}},
	"GET /api/posts/{id}": {call: func(f *fixture) matrixCall { // a draft: hidden from colistiers
		return matrixCall{f.postPath(f.draft(), ""), ""}
	}},
	"PUT /api/posts/{id}": {call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), ""), fmt.Sprintf(`{"text":"Réunion publique jeudi à 20h","targets":[%d],"scheduled_at":"%s"}`, f.campaign, inHours(3))}
	}},
	"POST /api/posts/{id}/submit": {call: func(f *fixture) matrixCall { return matrixCall{f.postPath(f.draft(), "/submit"), ""} }},
	"POST /api/posts/{id}/approve": {call: func(f *fixture) matrixCall {
		id, hash := f.inReview()
		return matrixCall{f.postPath(id, "/approve"), `{"content_hash":"` + hash + `"}`}
	}},
	"POST /api/posts/{id}/reject": {call: func(f *fixture) matrixCall {
		id, _ := f.inReview()
		return matrixCall{f.postPath(id, "/reject"), `{"comment":"Hors ligne éditoriale"}`}
	}},
	"POST /api/posts/{id}/request-changes": {call: func(f *fixture) matrixCall {
		id, _ := f.inReview()
		return matrixCall{f.postPath(id, "/request-changes"), `{"comment":"Précisez l'heure"}`}
	}},
	"POST /api/posts/{id}/override": {call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/override"), `{"reason":"Citation validée par la directrice"}`}
	}},
	"GET /api/queue":       {}, // a colistier's queue is empty
	"POST /api/tone/check": {call: func(*fixture) matrixCall { return matrixCall{"/api/tone/check", `{"text":"Bonjour Paris"}`} }},
	"GET /ws":              {ws: true}, // colistiers get presence events only
	"POST /api/media": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/media", mediaJSON("affiche.png", tinyPNG(f.t))}
	}},
	"GET /media/{id}": {call: func(f *fixture) matrixCall { // not yet published: hidden from colistiers
		return matrixCall{fmt.Sprintf("/media/%d", f.tm.upload(f.author, "affiche.png", tinyPNG(f.t))), ""}
	}},

	// Approval workflow (issue 4).
	"GET /api/posts/{id}/comments": {call: func(f *fixture) matrixCall { return matrixCall{f.postPath(f.draft(), "/comments"), ""} }},
	"POST /api/posts/{id}/comments": {call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/comments"), `{"body":"Précisez l'heure @author"}`}
	}},
	"POST /api/invitations": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/invitations", fmt.Sprintf(`{"email":"invite%d@example.org","name":"Invité","role":"colistier"}`, f.next())}
	}},
	"GET /api/members":        {},
	"GET /api/approval-steps": {},
	"PUT /api/accounts/{id}/second-approver": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/second-approver", f.campaign), `{"member_id":0}`}
	}},

	// Scheduling (issue owner: scheduling). Loose rows: make them strict.
	"POST /api/posts/{id}/reschedule": {call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/reschedule"), `{"scheduled_at":"` + inHours(5) + `"}`}
	}},
	"POST /api/posts/{id}/cancel": {call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/cancel"), `{"reason":"Annulé"}`}
	}},
	"POST /api/posts/{id}/queue": {loose: true, call: func(f *fixture) matrixCall { return matrixCall{f.postPath(f.draft(), "/queue"), ""} }},
	"GET /api/recurring":         {},
	"POST /api/recurring": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/api/recurring", `{"post_id":999999,"spec":"30 8 * * 1"}`}
	}},
	"POST /api/recurring/{id}/stop": {loose: true, call: func(f *fixture) matrixCall { return matrixCall{"/api/recurring/999999/stop", ""} }},
	"GET /api/accounts/{id}/slots": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/slots", f.campaign), ""}
	}},
	"POST /api/accounts/{id}/slots": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d/slots", f.campaign), `{"weekdays":[1],"times":["09:30"]}`}
	}},
	"DELETE /api/slots/{id}":   {loose: true, call: func(f *fixture) matrixCall { return matrixCall{"/api/slots/999999", ""} }},
	"GET /api/election-rounds": {},
	"POST /api/election-rounds": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/api/election-rounds", `{"name":"x","day":"2020-01-01"}`}
	}},
	"GET /api/deliveries":                {},
	"POST /api/text/count":               {call: func(*fixture) matrixCall { return matrixCall{"/api/text/count", `{"text":"Bonjour Paris"}`} }},
	"GET /api/suggestions":               {},                                                                                                          // each member's own inbox
	"POST /api/suggestions/{id}/share":   {loose: true, call: func(*fixture) matrixCall { return matrixCall{"/api/suggestions/999999/share", `{}`} }}, // others' are 404
	"POST /api/suggestions/{id}/decline": {loose: true, call: func(*fixture) matrixCall { return matrixCall{"/api/suggestions/999999/decline", ""} }},
	"POST /api/posts/{id}/deliveries/{delivery}/resolve": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{f.postPath(f.draft(), "/deliveries/999999/resolve"), `{"published":false,"note":"x"}`}
	}},

	// Pages (session cookie, forms).
	"POST /logout": {},
	"GET /{$}":     {},
	"GET /compose": {},
	"GET /api/schedule/check": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/schedule/check?scheduled_at=%s&account=%d", url.QueryEscape(inHours(4)), f.campaign), ""}
	}},
	"POST /compose": {call: func(f *fixture) matrixCall {
		return matrixCall{"/compose", url.Values{"text": {"Réunion publique jeudi"}, "target": {fmt.Sprint(f.campaign)}}.Encode()}
	}},
	"GET /posts/{id}": {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/posts/%d", f.draft()), ""} }},
	"POST /posts/{id}/decide": {call: func(f *fixture) matrixCall {
		id, hash := f.inReview()
		return matrixCall{fmt.Sprintf("/posts/%d/decide", id), url.Values{"action": {"approve"}, "content_hash": {hash}}.Encode()}
	}},
	"POST /posts/{id}/deliveries/{delivery}/resolve": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/posts/%d/deliveries/999999/resolve", f.draft()), url.Values{"outcome": {"failed"}}.Encode()}
	}},
	"GET /calendar": {},
	"POST /calendar/move": {call: func(f *fixture) matrixCall {
		at := time.Now().Add(5 * time.Hour).In(relais.DefaultLocation()).Format("2006-01-02T15:04")
		return matrixCall{"/calendar/move", url.Values{"post": {fmt.Sprint(f.draft())}, "scheduled_at": {at}}.Encode()}
	}},
	"GET /inbox": {},
	"POST /inbox/{id}": {loose: true, call: func(*fixture) matrixCall {
		return matrixCall{"/inbox/999999", url.Values{"action": {"decline"}}.Encode()}
	}},
	"GET /map":            {},
	"GET /districts/{id}": {loose: true, call: func(*fixture) matrixCall { return matrixCall{"/districts/11e", ""} }},
	"GET /settings":       {},
	"POST /settings/tone": {loose: true, call: func(*fixture) matrixCall { // action=save: admins only
		return matrixCall{"/settings/tone", url.Values{"action": {"validate"}, "yaml": {"x"}}.Encode()}
	}},
	"PUT /api/accounts/{id}": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/accounts/%d", f.campaign), `{"tone_profile":"campaign"}`}
	}},
	"POST /settings/accounts/{id}": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/settings/accounts/%d", f.campaign), url.Values{"tone_profile": {"campaign"}}.Encode()}
	}},
	"POST /settings/rounds":  {loose: true, call: func(*fixture) matrixCall { return matrixCall{"/settings/rounds", url.Values{"day": {"x"}}.Encode()} }},
	"GET /settings/members":  {},
	"GET /settings/accounts": {},
	"GET /settings/tone":     {},
	"GET /settings/slots":    {}, // everyone who drafts sees the slots, read-only
	"GET /settings/rounds":   {},
	"POST /settings/tone/people": {call: func(*fixture) matrixCall {
		return matrixCall{"/settings/tone/people", url.Values{"list": {"own_team"}, "name": {"Claire Morel"}, "aliases": {"Morel"}, "handles": {"@cmorel"}, "role": {"colistier"}}.Encode()}
	}},
	"POST /settings/tone/profiles": {call: func(*fixture) matrixCall { return matrixCall{"/settings/tone/profiles", ""} }}, // unchanged choices
	"POST /settings/members/invite": {call: func(f *fixture) matrixCall {
		return matrixCall{"/settings/members/invite", url.Values{"email": {fmt.Sprintf("invite%d@example.org", f.next())}, "name": {"Nina Invitée"}, "role": {"colistier"}}.Encode()}
	}},
	"POST /settings/accounts/{id}/approver": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/settings/accounts/%d/approver", f.campaign), url.Values{"member_id": {"0"}}.Encode()}
	}},
	"POST /settings/slots/{id}": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/settings/slots/%d", f.campaign), url.Values{"weekdays": {"1"}, "times": {fmt.Sprintf("06:%02d", f.next()%60)}}.Encode()}
	}},
	"GET /sandbox/{id}":     {call: func(f *fixture) matrixCall { return matrixCall{"/sandbox/" + f.sandboxEntry(), ""} }},
	"GET /settings/connect": {},
	"POST /settings/connect/{platform}": {call: func(f *fixture) matrixCall { // a webhook checked with a GET on relais itself
		return matrixCall{"/settings/connect/webhook", url.Values{"handle": {fmt.Sprintf("equipe%d", f.next())},
			"kind": {"slack"}, "secret": {f.tm.URL + "/healthz"}, "owner": {"campaign"}}.Encode()}
	}},
	"GET /settings/connect/{platform}/callback": {loose: true, call: func(*fixture) matrixCall { // no flow started: a form error
		return matrixCall{"/settings/connect/mastodon/callback?state=forged&code=c", ""}
	}},

	// Member management (issue 11 item 7): each call acts on a fresh member.
	"POST /api/members/{id}/disable": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/members/%d/disable", f.freshMember()), ""}
	}},
	"PUT /api/members/{id}/role": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/members/%d/role", f.freshMember()), `{"role":"colistier"}`}
	}},
	"PUT /api/members/{id}/password": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/api/members/%d/password", f.freshMember()), `{"password":"another-long-pw"}`}
	}},
	"POST /settings/members/{id}": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/settings/members/%d", f.freshMember()), url.Values{"action": {"role"}, "role": {"colistier"}}.Encode()}
	}},

	// Supporters (issue 16): counts for everyone (a colistier her
	// district's), the list and the import for editors and admins,
	// export and erasure for admins. The import without a file is a 400.
	"GET /supporters":         {},
	"POST /supporters/import": {loose: true},
	"GET /supporters/rights":  {},
	"POST /supporters/rights": {call: func(f *fixture) matrixCall {
		return matrixCall{"/supporters/rights", url.Values{"email": {fmt.Sprintf("oppose%d@example.org", f.next())}, "action": {"forget"}}.Encode()}
	}},

	// Field events (issue 17).
	"POST /api/events": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/events", eventBody(fmt.Sprintf("Marché %d", f.next()), 48, true)}
	}},
	"GET /api/events":      {},
	"GET /api/events/{id}": {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/api/events/%d", f.event()), ""} }},
	"GET /api/events/{id}/rsvps": {call: func(f *fixture) matrixCall { // personal data
		return matrixCall{fmt.Sprintf("/api/events/%d/rsvps", f.event()), ""}
	}},
	"GET /events":       {},
	"GET /events/{id}":  {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/events/%d", f.event()), ""} }},
	"GET /terrain":      {},
	"GET /api/push/key": {},
	"POST /api/videos/uploads": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/videos/uploads", `{"filename":"clip.mp4","size":1000}`}
	}},
	"GET /api/videos/uploads/{id}": {loose: true, call: func(f *fixture) matrixCall { // another's upload is 404
		return matrixCall{"/api/videos/uploads/00000000000000000000000000000000", ""}
	}},
	"PATCH /api/videos/uploads/{id}": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/api/videos/uploads/00000000000000000000000000000000", "x"}
	}},
	"GET /posts/{id}/video": {call: func(f *fixture) matrixCall { // a draft's video: hidden from colistiers
		return matrixCall{fmt.Sprintf("/posts/%d/video", f.tm.videoPost(f.author, f.videoAccount(), testMP4(5, 4096), false)), ""}
	}},
	"POST /api/push/subscriptions": {call: func(f *fixture) matrixCall { // each member's own devices
		return matrixCall{"/api/push/subscriptions", pushSubscriptionJSON(f.t, f.next())}
	}},
	"POST /api/capture": {call: func(f *fixture) matrixCall {
		return matrixCall{"/api/capture", fmt.Sprintf(`{"key":"matrix-capture-%08d","caption":"Au marché d'Aligre"}`, f.next())}
	}},
	"POST /events": {call: func(f *fixture) matrixCall {
		at := time.Now().Add(48 * time.Hour).In(relais.DefaultLocation())
		return matrixCall{"/events", url.Values{"title": {"Porte-à-porte"}, "kind": {"door_to_door"}, "starts_at": {at.Format("2006-01-02T15:04")},
			"ends_at": {at.Add(time.Hour).Format("2006-01-02T15:04")}, "place": {"Rue Oberkampf"}, "district": {"11e"}}.Encode()}
	}},

	// The colistiers' posts to relay (issue 17). The demo's accounts are
	// sandboxed, so the list is empty and no post can be named: the
	// actions are loose (past the role check, refused for the unknown post).
	"GET /relay": {},
	"POST /relay/repost": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/relay/repost", url.Values{"account": {fmt.Sprint(f.campaign)}, "uri": {"https://social.example/@x/1"}}.Encode()}
	}},
	"POST /relay/quote": {loose: true, call: func(f *fixture) matrixCall {
		return matrixCall{"/relay/quote", url.Values{"account": {fmt.Sprint(f.campaign)}, "uri": {"https://social.example/@x/1"}, "text": {"Bravo"}}.Encode()}
	}},

	// Editing, deleting, duplicating (issue 14).
	"GET /posts/{id}/edit": {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/posts/%d/edit", f.draft()), ""} }},
	"POST /posts/{id}/edit": {call: func(f *fixture) matrixCall {
		return matrixCall{fmt.Sprintf("/posts/%d/edit", f.draft()), url.Values{"text": {"Réunion publique vendredi"}, "target": {fmt.Sprint(f.campaign)}}.Encode()}
	}},
	"POST /posts/{id}/submit":        {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/posts/%d/submit", f.draft()), ""} }},
	"POST /posts/{id}/delete":        {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/posts/%d/delete", f.draft()), ""} }},
	"POST /posts/{id}/duplicate":     {call: func(f *fixture) matrixCall { return matrixCall{fmt.Sprintf("/posts/%d/duplicate", f.draft()), ""} }},
	"DELETE /api/posts/{id}":         {call: func(f *fixture) matrixCall { return matrixCall{f.postPath(f.draft(), ""), ""} }},
	"POST /api/posts/{id}/duplicate": {call: func(f *fixture) matrixCall { return matrixCall{f.postPath(f.draft(), "/duplicate"), ""} }},
}
