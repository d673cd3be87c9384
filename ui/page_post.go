package ui

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/store"
)

// postPage shows one post with its decisions, deliveries and history.
type postPage struct {
	Page
	Post       *approval.PostView
	Violations []violation
	CanResolve bool             // admin or editor: may settle outcome_unknown deliveries
	CanRepeat  bool             // an approver: may make an approved post recur
	Comments   []*store.Comment // the web team's discussion (not for colistiers)
	Handles    map[int64]string // target account id -> "platform · @handle"

	Discussion   []discussionItem // comments and commented decisions
	ChangesAsked *relais.Approval // the latest request for changes
	SlotWarnings []apiWarning     // other posts scheduled too close on the same account
}

type violation struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	MessageFR string `json:"message_fr"`
	MessageEN string `json:"message_en"`
}

// handlePostPage handles GET /posts/{id}.
func (s *Server) handlePostPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.renderPost(w, r, id, nil)
}

// renderPost shows post id, with actionErr when an action on it failed
// (the tone violations are then computed afresh so the author sees why).
func (s *Server) renderPost(w http.ResponseWriter, r *http.Request, id int64, actionErr error) {
	v, err := s.cfg.Approval.GetPage(r.Context(), id, historyAfter(r))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := postPage{Page: s.newPage(w, r, "post.deliveries", ""), Post: v}
	p.CanResolve, p.CanRepeat = p.Can(policy.DeliveryResolve), p.Can(policy.RecurringCreate)
	as, err := s.cfg.Approval.Accounts(r.Context())
	p.Handles, p.accounts = accountNames(p.Page, as, " · "), accountNames(p.Page, as, " ")
	if err == nil && p.Can(policy.PostDiscuss) {
		p.Comments, err = s.cfg.Approval.Comments(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Title = "#" + strconv.FormatInt(id, 10)
	p.Discussion, p.ChangesAsked = discussion(p.Comments, v.Approvals), lastChangesRequest(v)
	if v.State.Editable() || v.State == relais.PostScheduled {
		p.SlotWarnings = s.slotWarnings(r, p.Lang, id)
	}
	status := http.StatusOK
	raw := json.RawMessage(nil)
	if v.Tone != nil {
		raw = v.Tone.Violations
	}
	if actionErr != nil {
		p.Error, status = pageErrorText(p.Lang, p.Location(), actionErr), statusOf[relais.ErrorCode(actionErr)]
		if relais.ErrorCode(actionErr) == relais.EBLOCKED {
			_, raw = s.cfg.Tone.Check(v.Text, "candidate")
		}
	}
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &p.Violations)
	}
	s.render(w, status, "post", p)
}

// handlePostDecide handles POST /posts/{id}/decide from the queue and the
// post page: approve, reject or request changes.
func (s *Server) handlePostDecide(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	hash, comment := r.FormValue("content_hash"), r.FormValue("comment")
	ctx := r.Context()
	switch r.FormValue("action") {
	case "approve":
		_, err = s.cfg.Approval.Approve(ctx, id, approval.ApproveInput{ContentHash: hash, Comment: comment,
			AcknowledgeWarnings: r.FormValue("acknowledge_warnings") == "on"})
	case "reject":
		_, err = s.cfg.Approval.Reject(ctx, id, approval.DecisionInput{ContentHash: hash, Comment: comment})
	case "request_changes":
		_, err = s.cfg.Approval.RequestChanges(ctx, id, approval.DecisionInput{ContentHash: hash, Comment: comment})
	case "submit":
		_, err = s.cfg.Approval.Submit(ctx, id)
	default:
		err = relais.FieldErrorf("action", "Unknown action.")
	}
	if c := relais.ErrorCode(err); c == relais.EINVALID || c == relais.EBLOCKED || c == relais.ECONFLICT {
		s.renderPost(w, r, id, err) // the post and its decision form, with why
		return
	} else if err != nil {
		s.pageError(w, r, err)
		return
	}
	back := safeNext(r.FormValue("next"))
	if back == "/" && r.FormValue("next") == "" {
		back = "/posts/" + strconv.FormatInt(id, 10)
	}
	http.Redirect(w, r, withFlash(back, "decided_"+r.FormValue("action")), http.StatusSeeOther)
}

// withFlash adds ?ok=flash to a local address, before its #fragment.
func withFlash(path, flash string) string {
	path, frag, _ := strings.Cut(path, "#")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if frag != "" {
		frag = "#" + frag
	}
	return path + sep + "ok=" + flash + frag
}

// sandboxPage shows a post recorded by the sandbox connector.
type sandboxPage struct {
	Page
	ID, Handle, Text, At string
}

// handleSandboxEntry handles GET /sandbox/{id}: the "published" post.
func (s *Server) handleSandboxEntry(w http.ResponseWriter, r *http.Request) {
	for _, e := range s.cfg.Sandbox.Entries() {
		if e.ID == r.PathValue("id") {
			p := sandboxPage{Page: s.newPage(w, r, "post.deliveries", ""), ID: e.ID, Handle: e.Handle, Text: e.Text,
				At: e.At.In(s.cfg.Location).Format("02/01/2006 15:04:05")}
			p.Title = "Sandbox #" + e.ID
			s.render(w, http.StatusOK, "sandbox", p)
			return
		}
	}
	s.pageError(w, r, relais.Errorf(relais.ENOTFOUND, "Sandbox post not found."))
}
