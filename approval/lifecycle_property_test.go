package approval_test

import (
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/store"
	"github.com/relais/relais/store/storetest"
)

// lcAction is one step the property test may take on a post: a call of
// the workflow service (or of the store, for what the scheduler does)
// that may take the post through events.
type lcAction struct {
	name   string
	events []relais.PostEvent
	quiet  bool // an invalid event is skipped silently, not refused (a sweep)
	run    func(h *lcHarness, p *relais.Post) error
}

// lcHarness drives random event sequences on one database whose clock
// the test moves.
type lcHarness struct {
	*testBundle
	second *relais.Account // a campaign account whose posts editor2 approves second
	rng    *rand.Rand
	clock  time.Time
	texts  int
}

// lcSnap is what the test reads around a step.
type lcSnap struct {
	post      *relais.Post
	ds        []*relais.Delivery
	lastAudit int64
}

// TestLifecycleProperty drives random event sequences through the real
// workflow service and store (the scheduler's steps through the store
// calls it makes), on SQLite and PostgreSQL, and checks that (a) every
// state change seen is a row of the lifecycle tables, (b) an event the
// table refuses is an ECONFLICT naming both states and the event, and
// writes nothing, (c) replaying each post's audit entries' transitions
// yields its stored state. The seed is logged; LIFECYCLE_SEED replays it.
func TestLifecycleProperty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dialect string) {
		seed := time.Now().UnixNano()
		if s := os.Getenv("LIFECYCLE_SEED"); s != "" {
			seed, _ = strconv.ParseInt(s, 10, 64)
		}
		t.Logf("seed %d (LIFECYCLE_SEED=%d replays it)", seed, seed)
		n := 200 // LIFECYCLE_SEQUENCES=5000 for a soak
		if dialect == store.DialectPostgres {
			n = 80 // each step is several round trips to the server
		}
		if s := os.Getenv("LIFECYCLE_SEQUENCES"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		h := &lcHarness{testBundle: setup(t, dialect), rng: rand.New(rand.NewSource(seed)), clock: time.Now().UTC()}
		h.svc = approval.New(h.store, lcTone{}, h.rec, h.rec) // the accounts' profiles decide the verdict
		h.svc.SetNotifier(h.rec)
		h.store.SetNow(func() time.Time { return h.clock })
		h.secondStep()
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			h.sequence(seen)
		}
		var unseen []string
		for _, r := range relais.PostLifecycle {
			if !seen[string(r.Event)+":"+string(r.From)] {
				unseen = append(unseen, string(r.Event)+":"+string(r.From))
			}
		}
		t.Logf("%d sequences; rows taken: %d, never: %v", n, len(seen), unseen)
		require.Greater(t, len(seen), len(relais.PostLifecycle)/2, "the sequences reach most rows")
		h.replayAudit()
	})
}

// sequence creates a post and takes it through up to 12 random steps.
func (h *lcHarness) sequence(seen map[string]bool) {
	in := h.input()
	p, err := h.svc.CreatePost(as(h.cm), in)
	require.NoError(h.t, err)
	if h.rng.Intn(3) == 0 { // a third of the posts go straight to publishing first
		for _, a := range lcActions() {
			if slices.Contains(lcPath, a.name) {
				h.step(a, p.ID, seen)
			}
		}
	}
	for i := h.rng.Intn(12); i >= 0; i-- {
		a := h.pick(p.State)
		h.step(a, p.ID, seen)
		p = h.snap(p.ID).post
	}
}

// pick chooses an action: half the time one the table allows now (so
// that sequences go deep), else any.
func (h *lcHarness) pick(st relais.PostState) lcAction {
	all := lcActions()
	if h.rng.Intn(2) == 0 {
		var ok []lcAction
		for _, a := range all {
			if allows(st, a.events) {
				ok = append(ok, a)
			}
		}
		if len(ok) > 0 {
			return ok[h.rng.Intn(len(ok))]
		}
	}
	return all[h.rng.Intn(len(all))]
}

// allows reports whether some event of evs has a row from st.
func allows(st relais.PostState, evs []relais.PostEvent) bool {
	for _, ev := range evs {
		if _, err := relais.PostTransition(st, ev); err == nil {
			return true
		}
	}
	return false
}

// step runs a on post id and checks (a) and (b).
func (h *lcHarness) step(a lcAction, id int64, seen map[string]bool) {
	t := h.t
	before := h.snap(id)
	err := a.run(h, before.post)
	after := h.snap(id)
	from, to := before.post.State, after.post.State
	where := a.name + " from " + string(from)
	if !allows(from, a.events) && !a.quiet {
		require.Equal(t, relais.ECONFLICT, relais.ErrorCode(err), "%s: refused (%v)", where, err)
		_, params := relais.ErrorKey(err)
		require.Equal(t, string(from), params["from"], "%s: the error names the state", where)
		require.Contains(t, a.events, relais.PostEvent(params["event"]), "%s: the error names the event", where)
		require.NotEmpty(t, params["to"], "%s: the error names where the event leads", where)
	}
	if from == to && a.quiet {
		return // a sweep or a delivery step that left the post as it was
	} else if !allows(from, a.events) || (err != nil && from == to) {
		require.Equal(t, before, after, "%s: nothing written (%v)", where, err)
		return
	}
	ev := rowFor(from, to, a.events)
	require.NotEmpty(t, ev, "%s: %s -> %s is no row of the table (%v)", where, from, to, err)
	seen[string(ev)+":"+string(from)] = true
}

// rowFor returns the event of evs whose row takes from to to, if any.
func rowFor(from, to relais.PostState, evs []relais.PostEvent) relais.PostEvent {
	for _, ev := range evs {
		if got, err := relais.PostTransition(from, ev); err == nil && got == to {
			return ev
		}
	}
	return ""
}

// snap reads post id, its deliveries and the last audit entry's ID.
func (h *lcHarness) snap(id int64) lcSnap {
	var s lcSnap
	storetest.Must(h.t, h.store.View(context.Background(), func(tx *store.Tx) (err error) {
		if s.post, err = tx.PostByID(id); err != nil {
			return err
		} else if s.ds, err = tx.Deliveries(id); err != nil {
			return err
		}
		es, err := tx.Audit(store.AuditFilter{Newest: true, Limit: 1})
		if len(es) > 0 {
			s.lastAudit = es[0].ID
		}
		return err
	}))
	return s
}

// input is a new text (no digit, so routed to the web team) for the
// campaign account, scheduled half the time.
func (h *lcHarness) input() approval.PostInput {
	h.texts++
	in := h.post("Réunion publique au marché "+letters(h.texts), h.campaign)
	if h.rng.Intn(2) == 0 {
		in.Targets = append(in.Targets, approval.Target{ID: h.second.ID})
	}
	if h.rng.Intn(2) == 0 {
		at := h.clock.Add(48*time.Hour + time.Duration(h.rng.Intn(100))*time.Hour).Truncate(time.Minute)
		in.ScheduledAt = &at
	}
	return in
}

func letters(n int) string {
	var b strings.Builder
	for ; n > 0; n /= 26 {
		b.WriteByte(byte('a' + n%26))
	}
	return b.String()
}

// replayAudit checks (c) for every post: replaying the transitions its
// audit entries record, from nothing, ends in its stored state, and each
// is a row of the table (or a creation in an initial state).
func (h *lcHarness) replayAudit() {
	storetest.Must(h.t, h.store.View(context.Background(), func(tx *store.Tx) error {
		ps, err := tx.Posts(store.PostFilter{States: relais.PostStates, Limit: 100000})
		if err != nil {
			return err
		}
		for _, p := range ps {
			es, err := tx.Audit(store.AuditFilter{PostID: p.ID, Limit: 100000})
			if err != nil {
				return err
			}
			require.Equal(h.t, p.State, replay(h.t, p.ID, es), "post %d: audit log and state agree", p.ID)
		}
		return nil
	}))
}

func replay(t *testing.T, id int64, es []relais.AuditEntry) relais.PostState {
	var st relais.PostState
	for _, e := range es {
		if e.Transition == "" {
			continue
		}
		for _, m := range strings.Split(e.Transition, ",") {
			ev, rest, _ := strings.Cut(m, ":")
			from, to, _ := strings.Cut(rest, ">")
			require.Equal(t, string(st), from, "post %d: entry %d (%s) starts where the last ended", id, e.ID, e.Action)
			var want relais.PostState
			var err error
			if from == "" {
				want, err = relais.PostInitialState(relais.PostEvent(ev))
			} else {
				want, err = relais.PostTransition(relais.PostState(from), relais.PostEvent(ev))
			}
			require.NoError(t, err, "post %d: entry %d records %s", id, e.ID, m)
			require.Equal(t, want, relais.PostState(to), "post %d: entry %d records %s", id, e.ID, m)
			st = want
		}
	}
	return st
}

// lcTone's verdict is the account's tone profile when it is warn or
// block, so that changing a profile re-reviews posts (rereview).
type lcTone struct{}

func (lcTone) Check(text, profile string) (string, json.RawMessage) {
	if profile == "warn" || profile == "block" {
		return profile, json.RawMessage(`[{"rule":"attack"}]`)
	}
	return "ok", json.RawMessage(`[]`)
}

func (lcTone) Signals(text string) (opponent, pledge, figures bool) { return false, false, false }

// approving are the events an approval may take: the final one, a first
// step, or the expiry of a request whose time passed.
var approving = []relais.PostEvent{relais.PostApprove, relais.PostApproveStep, relais.PostExpire}

// secondStep adds a second campaign account on which editor2 approves
// after a first approver.
func (h *lcHarness) secondStep() {
	h.second = &relais.Account{Platform: relais.PlatformMastodon, Handle: "avecanne@mastodon", OwnerKind: relais.OwnerCampaign}
	storetest.Must(h.t, h.store.Update(context.Background(), func(tx *store.Tx) error { return tx.CreateAccount(h.second, nil) }))
	storetest.Must(h.t, h.svc.SetSecondApprover(as(h.admin), h.second.ID, h.editor2.ID))
}

// lcPath names the actions, in lcActions' order, that take a draft to
// publishing.
var lcPath = []string{"submit", "approve", "approve_second", "fan_out"}

// lcActions are the steps a sequence picks from.
func lcActions() []lcAction {
	ps := []relais.PostEvent{relais.PostSettlePublished, relais.PostSettlePartial, relais.PostSettleFailed, relais.PostSettleUnknown}
	return []lcAction{
		{"submit", []relais.PostEvent{relais.PostSubmit}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Submit(as(h.cm), p.ID)
			return err
		}},
		{"override", []relais.PostEvent{relais.PostOverride}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Override(as(h.admin), p.ID, "le contexte le justifie")
			return err
		}},
		{"approve", approving, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Approve(as(h.editor), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
			return err
		}},
		{"approve_second", approving, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Approve(as(h.editor2), p.ID, approval.ApproveInput{ContentHash: p.ContentHash, AcknowledgeWarnings: true})
			return err
		}},
		{"fan_out", []relais.PostEvent{relais.PostFanOut}, false, (*lcHarness).fanOut},
		{"rereview", []relais.PostEvent{relais.PostRereview, relais.PostRereviewBlock}, true, func(h *lcHarness, p *relais.Post) error {
			profile := []string{"calm", "warn", "block"}[h.rng.Intn(3)]
			_, err := h.svc.UpdateAccount(as(h.admin), h.campaign.ID, approval.AccountUpdate{ToneProfile: profile})
			return err
		}},
		{"request_changes", []relais.PostEvent{relais.PostRequestChanges}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.RequestChanges(as(h.editor), p.ID, approval.DecisionInput{Comment: "Précisez le lieu."})
			return err
		}},
		{"reject", []relais.PostEvent{relais.PostReject}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Reject(as(h.editor), p.ID, approval.DecisionInput{Comment: "Pas cette semaine."})
			return err
		}},
		{"cancel", []relais.PostEvent{relais.PostCancel}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Cancel(as(h.cm), p.ID, approval.CancelInput{})
			return err
		}},
		{"edit", []relais.PostEvent{relais.PostEdit}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.UpdatePost(as(h.cm), p.ID, h.input())
			return err
		}},
		{"reschedule", []relais.PostEvent{relais.PostReschedule, relais.PostRenew}, false, func(h *lcHarness, p *relais.Post) error {
			at := h.clock.Add(72 * time.Hour).Truncate(time.Minute)
			who := []*relais.Member{h.editor, h.cm}[h.rng.Intn(2)] // the editor may renew the approval, the author may not
			_, err := h.svc.Reschedule(as(who), p.ID, approval.RescheduleInput{ScheduledAt: &at})
			return err
		}},
		{"delete", []relais.PostEvent{relais.PostDelete}, false, func(h *lcHarness, p *relais.Post) error {
			_, err := h.svc.Delete(as(h.cm), p.ID)
			return err
		}},
		{"expire", []relais.PostEvent{relais.PostExpire}, true, func(h *lcHarness, p *relais.Post) error {
			h.clock = h.clock.Add(200 * time.Hour) // every scheduled time so far is past
			_, err := h.svc.ExpireDue(context.Background())
			return err
		}},
		{"settle", ps, true, (*lcHarness).settleOne},
		{"resolve", ps, true, (*lcHarness).resolveOne},
	}
}
