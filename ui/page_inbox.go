package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/share"
)

// inboxPage is a member's share suggestions.
type inboxPage struct {
	Page
	Inbox *share.Inbox
	// Edited is the text the member sent for a suggestion whose action
	// failed: the form shows it again, not the suggested text.
	Edited map[int64]string
}

// TextOf returns the text suggestion it's form shows: what the member
// typed if her action on it was refused, else the suggestion's own.
func (p inboxPage) TextOf(it share.Item) string {
	if t, ok := p.Edited[it.ID]; ok {
		return t
	}
	return it.Text
}

// handleInboxPage handles GET /inbox.
func (s *Server) handleInboxPage(w http.ResponseWriter, r *http.Request) {
	s.renderInbox(w, r, http.StatusOK, nil, 0)
}

// renderInbox shows the inbox; when actionErr says why the member's
// action on suggestion id failed, her form keeps the text she sent.
func (s *Server) renderInbox(w http.ResponseWriter, r *http.Request, status int, actionErr error, id int64) {
	p := inboxPage{Page: s.newPage(w, r, "inbox.title", "inbox")}
	if _, sent := r.PostForm["text"]; sent && actionErr != nil {
		p.Edited = map[int64]string{id: r.PostFormValue("text")}
	}
	var err error
	if p.Inbox, err = s.cfg.Share.Inbox(r.Context()); err != nil {
		s.pageError(w, r, err)
		return
	}
	if actionErr != nil {
		p.Error, status = pageErrorText(p.Lang, p.Location(), actionErr), statusOf[relais.ErrorCode(actionErr)]
	}
	s.render(w, status, "inbox", p)
}

// handleInboxAction handles POST /inbox/{id}: action=publish (on my
// account), shared (by a share link or by hand) or decline; text is the
// possibly edited text.
func (s *Server) handleInboxAction(w http.ResponseWriter, r *http.Request) {
	id, err := suggestionID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx, flash := r.Context(), "shared"
	switch r.FormValue("action") {
	case "publish":
		_, err = s.cfg.Share.Share(ctx, id, share.ShareInput{Text: r.FormValue("text"), Publish: true})
		flash = "published"
	case "shared":
		_, err = s.cfg.Share.Share(ctx, id, share.ShareInput{Text: r.FormValue("text"), Via: r.FormValue("via")})
	case "decline":
		_, err = s.cfg.Share.Decline(ctx, id)
		flash = "declined"
	default:
		err = relais.FieldErrorf("action", "Unknown action.")
	}
	if err != nil {
		s.renderInbox(w, r, 0, err, id)
		return
	}
	http.Redirect(w, r, "/inbox?ok="+flash+"#s-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
