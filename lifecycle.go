package relais

import (
	"fmt"
	"sort"
	"strings"
)

// PostEvent names what happens to a post (see PostLifecycle).
type PostEvent string

// Post events: each is the step a service (approval/, scheduler/) or the
// store takes; the audit action that records it is in PostAuditActions.
const (
	PostCreate          PostEvent = "create"          // a member writes a draft
	PostDuplicate       PostEvent = "duplicate"       // a copy of another post
	PostRecur           PostEvent = "recur"           // an occurrence of an approved recurrence
	PostSubmit          PostEvent = "submit"          // sent to review
	PostOverride        PostEvent = "override"        // an admin overrides a tone block and submits
	PostApproveStep     PostEvent = "approve_step"    // a first approval; a second step is awaited
	PostApprove         PostEvent = "approve"         // the final approval: the fan-out is scheduled
	PostRequestChanges  PostEvent = "request_changes" // sent back to its author
	PostReject          PostEvent = "reject"          // refused for good
	PostExpire          PostEvent = "expire"          // still in review at its scheduled time
	PostEdit            PostEvent = "edit"            // content changed
	PostReschedule      PostEvent = "reschedule"      // moved; an approval is voided
	PostRenew           PostEvent = "renew"           // moved by someone who may approve it alone
	PostRereview        PostEvent = "rereview"        // an account's tone profile changed
	PostRereviewBlock   PostEvent = "rereview_block"  // ... and its new rules block the post
	PostCancel          PostEvent = "cancel"          // withdrawn before publishing
	PostDelete          PostEvent = "delete"          // soft-deleted
	PostFanOut          PostEvent = "fan_out"         // deliveries created: publishing starts
	PostSendVariant     PostEvent = "send_variant"    // an experiment's variant went to its sample
	PostSettlePublished PostEvent = "settle_published"
	PostSettlePartial   PostEvent = "settle_partial"
	PostSettleFailed    PostEvent = "settle_failed"
	PostSettleUnknown   PostEvent = "settle_unknown"
)

// PostRow is one row of the post state machine: event Event takes a post
// from From to To. Guard names what the service checks besides the state.
type PostRow struct {
	From  PostState
	Event PostEvent
	To    PostState
	Guard string
}

// editable are the states a post may still be edited or cancelled in.
var editable = []PostState{PostDraft, PostInReview, PostChangesRequested, PostApproved, PostScheduled}

// PostInitial maps the events that create a post to its first state.
var PostInitial = map[PostEvent]PostState{PostCreate: PostDraft, PostDuplicate: PostDraft, PostRecur: PostScheduled}

// PostLegacy are declared states that no row enters any more: approved
// posts are scheduled at once since approval binds the fan-out. Rows may
// still leave them (a database written by an earlier version).
var PostLegacy = []PostState{PostApproved}

// PostLifecycle is the post state machine. Every state write goes through
// PostTransition, which reads it.
var PostLifecycle = concat(
	rows(PostSubmit, PostInReview, "author or web team; tone does not block", PostDraft, PostChangesRequested),
	rows(PostOverride, PostInReview, "admin with a reason", PostDraft, PostChangesRequested),
	rows(PostApproveStep, PostInReview, "approver of the first step", PostInReview),
	rows(PostApprove, PostScheduled, "final approver, hash matches, not expired, no blackout", PostInReview),
	rows(PostRequestChanges, PostChangesRequested, "approver, with a comment", PostInReview),
	rows(PostReject, PostRejected, "approver, with a comment", PostInReview),
	rows(PostExpire, PostExpired, "scheduled time passed", PostInReview),
	[]PostRow{{PostDraft, PostEdit, PostDraft, "content changed"}, {PostChangesRequested, PostEdit, PostChangesRequested, "content changed"}},
	rows(PostEdit, PostInReview, "content changed: reviewed again", PostInReview, PostApproved, PostScheduled),
	[]PostRow{{PostDraft, PostReschedule, PostDraft, "future time"}, {PostChangesRequested, PostReschedule, PostChangesRequested, "future time"}},
	rows(PostReschedule, PostInReview, "future time; the mover may not approve alone", PostInReview, PostApproved, PostScheduled),
	rows(PostRenew, PostScheduled, "future time; the mover may approve alone", PostApproved, PostScheduled),
	rows(PostRereview, PostInReview, "stricter tone verdict", PostInReview, PostScheduled),
	rows(PostRereviewBlock, PostChangesRequested, "tone now blocks", PostInReview, PostScheduled),
	rows(PostCancel, PostCancelled, "author or web team", editable...),
	rows(PostDelete, PostDeleted, "author or web team", PostDraft, PostChangesRequested, PostRejected),
	rows(PostFanOut, PostPublishing, "approved hash, no blackout", PostScheduled),
	rows(PostSendVariant, PostPublished, "post is an experiment's variant", PostScheduled),
	rows(PostSettlePublished, PostPublished, "every delivery published", PostPublishing, PostOutcomeUnknown),
	rows(PostSettlePartial, PostPartiallyPublished, "some published, some failed", PostPublishing, PostOutcomeUnknown),
	rows(PostSettleFailed, PostFailed, "every delivery failed", PostPublishing, PostOutcomeUnknown),
	rows(PostSettleUnknown, PostOutcomeUnknown, "a delivery's outcome is unknown", PostPublishing, PostOutcomeUnknown),
)

// PostStates lists every declared post state.
var PostStates = []PostState{PostDraft, PostInReview, PostChangesRequested, PostApproved, PostScheduled, PostPublishing,
	PostPublished, PostPartiallyPublished, PostFailed, PostOutcomeUnknown, PostCancelled, PostRejected, PostExpired, PostDeleted}

// PostTransition returns the state event ev takes a post in state from
// to, or an ECONFLICT *Error (key error.transition) naming both states
// and the event when the table has no such row.
func PostTransition(from PostState, ev PostEvent) (PostState, error) {
	for _, r := range PostLifecycle {
		if r.From == from && r.Event == ev {
			return r.To, nil
		}
	}
	return "", transitionError("post", string(from), string(ev), postTargets(ev))
}

// PostInitialState returns the state a post created by ev starts in, or
// an ECONFLICT *Error if ev creates no post.
func PostInitialState(ev PostEvent) (PostState, error) {
	if s, ok := PostInitial[ev]; ok {
		return s, nil
	}
	return "", transitionError("post", "", string(ev), nil)
}

// SettleEvent returns the event that settles a post whose deliveries
// aggregate to s (AggregateState); false while they are still open.
func SettleEvent(s PostState) (PostEvent, bool) {
	ev, ok := map[PostState]PostEvent{PostPublished: PostSettlePublished, PostPartiallyPublished: PostSettlePartial,
		PostFailed: PostSettleFailed, PostOutcomeUnknown: PostSettleUnknown}[s]
	return ev, ok
}

func postTargets(ev PostEvent) []string {
	var out []string
	for _, r := range PostLifecycle {
		if r.Event == ev {
			out = append(out, string(r.To))
		}
	}
	return out
}

func rows(ev PostEvent, to PostState, guard string, from ...PostState) []PostRow {
	out := make([]PostRow, len(from))
	for i, f := range from {
		out[i] = PostRow{From: f, Event: ev, To: to, Guard: guard}
	}
	return out
}

func concat[T any](parts ...[]T) []T {
	var out []T
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// transitionError is the ECONFLICT error of a refused transition. Params:
// kind (post or delivery), from, event and to (the states the event leads
// to elsewhere, comma-separated).
func transitionError(kind, from, ev string, targets []string) *Error {
	targets = uniqueSorted(targets)
	to := strings.Join(targets, ",")
	return &Error{Code: ECONFLICT, Key: "error.transition",
		Params:  map[string]string{"kind": kind, "from": from, "event": ev, "to": to},
		Message: fmt.Sprintf("A %s in state %s cannot take event %s (which leads to %s).", kind, from, ev, to)}
}

// StaleStateError is the ECONFLICT error of a state write that found the
// row in another state than the one it was read in (a concurrent writer):
// it names the expected state (from), the state found and the event.
func StaleStateError(kind, from, found, ev string) *Error {
	return &Error{Code: ECONFLICT, Key: "error.stale_state",
		Params:  map[string]string{"kind": kind, "from": from, "found": found, "event": ev},
		Message: fmt.Sprintf("The %s changed meanwhile: it is %s, no longer %s (event %s). Reload it.", kind, found, from, ev)}
}

func uniqueSorted(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
