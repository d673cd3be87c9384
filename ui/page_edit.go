package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// blackoutSpan is an electoral blackout window, for the compose page's
// date warning (the server refuses such a date anyway).
type blackoutSpan struct {
	Start, End time.Time
}

// handleEditPage handles GET /posts/{id}/edit: the compose form filled
// with the post, for whoever may edit it (PostView.MayEdit).
func (s *Server) handleEditPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var v *approval.PostView
	if err == nil {
		v, err = s.cfg.Approval.Get(r.Context(), id)
	}
	if err == nil && !v.MayEdit {
		err = &relais.Error{Code: relais.EFORBIDDEN, Key: "error.edit_forbidden", Message: "You may not edit this post in its state."}
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var why error
	if r.URL.Query().Get("check") == "1" {
		why = s.cfg.Approval.Check(r.Context(), id)
	}
	s.renderCompose(w, r, http.StatusOK, editForm(v, s.cfg.Location), why)
}

// editForm fills the compose form with a saved post, its time in loc.
func editForm(v *approval.PostView, loc *time.Location) composePage {
	p := composePage{EditID: v.ID, State: v.State, Text: v.Text, Variants: v.Variants, Sensitive: v.Sensitive, Selected: map[int64]bool{},
		PostLang: v.Lang}
	for _, id := range v.Targets {
		p.Selected[id] = true
	}
	for _, m := range v.Media {
		p.Media = append(p.Media, m.ID)
	}
	p.Video, p.Quote = videoForm(v.Video), v.Quote
	if v.ScheduledAt != nil {
		p.When = v.ScheduledAt.In(loc).Format(localTimeLayout)
	}
	return p
}

// handleEditSubmit handles POST /posts/{id}/edit: save the new content
// and send it (back) to review. A draft or a post sent back is submitted;
// a post in review or approved returns to review by the edit itself.
func (s *Server) handleEditSubmit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p, in, err := readComposeForm(r, s.cfg.Location)
	p.EditID = id
	if err == nil {
		err = s.saveEdit(r, id, in, p.Queue)
	}
	if err != nil {
		if v, gerr := s.cfg.Approval.Get(r.Context(), id); gerr == nil {
			p.Quote = v.Quote // the form does not carry it
		}
		s.renderCompose(w, r, statusOf[relais.ErrorCode(err)], p, err)
		return
	}
	http.Redirect(w, r, "/posts/"+strconv.FormatInt(id, 10)+"?ok=edited", http.StatusSeeOther)
}

func (s *Server) saveEdit(r *http.Request, id int64, in approval.PostInput, queue bool) error {
	ctx := r.Context()
	post, err := s.cfg.Approval.UpdatePost(ctx, id, in)
	if err == nil && queue {
		post, err = s.cfg.Approval.AddToQueue(ctx, id)
	}
	if err == nil && (post.State == relais.PostDraft || post.State == relais.PostChangesRequested) {
		_, err = s.cfg.Approval.Submit(ctx, id)
	}
	return err
}

// handlePostDelete handles POST /posts/{id}/delete (soft, audited).
func (s *Server) handlePostDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.cfg.Approval.Delete(r.Context(), id)
	}
	if err != nil {
		s.renderPost(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/?ok=deleted", http.StatusSeeOther)
}

// handlePostDuplicate handles POST /posts/{id}/duplicate: a new draft,
// opened in the editor.
func (s *Server) handlePostDuplicate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var p *relais.Post
	if err == nil {
		p, err = s.cfg.Approval.Duplicate(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/posts/"+strconv.FormatInt(p.ID, 10)+"/edit?ok=duplicated", http.StatusSeeOther)
}

// handleAPIPostDelete handles DELETE /api/posts/{id}.
func (s *Server) handleAPIPostDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.cfg.Approval.Delete(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleAPIPostDuplicate handles POST /api/posts/{id}/duplicate.
func (s *Server) handleAPIPostDuplicate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var p *relais.Post
	if err == nil {
		p, err = s.cfg.Approval.Duplicate(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusCreated, p.ID)
}

// blackoutSpans lists the declared blackout windows.
func (s *Server) blackoutSpans(r *http.Request) ([]blackoutSpan, error) {
	rounds, err := s.cfg.Approval.ElectionRounds(r.Context())
	out := make([]blackoutSpan, 0, len(rounds))
	for _, rd := range rounds {
		out = append(out, blackoutSpan{Start: rd.BlackoutStart, End: rd.BlackoutEnd})
	}
	return out, err
}

// handlePostSubmitPage handles POST /posts/{id}/submit: send a draft (or a
// post sent back) to review. When its content is refused (tone rules,
// platform limits, a past date), its edit page says why, with the text
// kept; other refusals (state, role) get the error page.
func (s *Server) handlePostSubmitPage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.cfg.Approval.Submit(r.Context(), id)
	}
	switch c := relais.ErrorCode(err); {
	case err == nil:
		http.Redirect(w, r, "/posts/"+strconv.FormatInt(id, 10)+"?ok=submitted", http.StatusSeeOther)
	case c == relais.EBLOCKED || c == relais.EINVALID || c == relais.ETOOLARGE || c == relais.EBLACKOUT:
		http.Redirect(w, r, "/posts/"+strconv.FormatInt(id, 10)+"/edit?check=1&ok=not_sent", http.StatusSeeOther)
	default:
		s.pageError(w, r, err)
	}
}
