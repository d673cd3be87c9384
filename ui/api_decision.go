package ui

import (
	"context"
	"net/http"

	"github.com/relais/relais"
)

// handlePostSubmit handles POST /api/posts/{id}/submit.
func (s *Server) handlePostSubmit(w http.ResponseWriter, r *http.Request) {
	s.transition(w, r, func(ctx context.Context, id int64) error {
		_, err := s.cfg.Approval.Submit(ctx, id)
		return err
	})
}

// handlePostApprove handles POST /api/posts/{id}/approve.
func (s *Server) handlePostApprove(w http.ResponseWriter, r *http.Request) {
	postDecision(s, s.cfg.Approval.Approve)(w, r)
}

// handlePostReject handles POST /api/posts/{id}/reject.
func (s *Server) handlePostReject(w http.ResponseWriter, r *http.Request) {
	postDecision(s, s.cfg.Approval.Reject)(w, r)
}

// handlePostRequestChanges handles POST /api/posts/{id}/request-changes.
func (s *Server) handlePostRequestChanges(w http.ResponseWriter, r *http.Request) {
	postDecision(s, s.cfg.Approval.RequestChanges)(w, r)
}

// overrideInput is the body of POST /api/posts/{id}/override.
type overrideInput struct {
	Reason string `json:"reason"`
}

// handlePostOverride handles POST /api/posts/{id}/override {reason}.
func (s *Server) handlePostOverride(w http.ResponseWriter, r *http.Request) {
	postDecision(s, func(ctx context.Context, id int64, in overrideInput) (*relais.Post, error) {
		return s.cfg.Approval.Override(ctx, id, in.Reason)
	})(w, r)
}

// postDecision returns the handler of a transition of the post in the
// path whose JSON body decodes into In; it answers with the post.
func postDecision[In any](s *Server, act func(context.Context, int64, In) (*relais.Post, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in In
		s.transitionWith(w, r, &in, func(ctx context.Context, id int64) error {
			_, err := act(ctx, id, in)
			return err
		})
	}
}

func (s *Server) transition(w http.ResponseWriter, r *http.Request, fn func(context.Context, int64) error) {
	id, err := pathID(r)
	if err == nil {
		err = fn(r.Context(), id)
	}
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writePost(w, r, http.StatusOK, id)
}

func (s *Server) transitionWith(w http.ResponseWriter, r *http.Request, in any, fn func(context.Context, int64) error) {
	s.transition(w, r, func(ctx context.Context, id int64) error {
		if err := decodeJSON(r, in); err != nil {
			return err
		}
		return fn(ctx, id)
	})
}

// handleMe handles GET /api/me.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, relais.MemberFromContext(r.Context()))
}

// handleAccountList handles GET /api/accounts.
func (s *Server) handleAccountList(w http.ResponseWriter, r *http.Request) {
	as, err := s.cfg.Approval.Accounts(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	type account struct {
		ID int64 `json:"id"`
		relais.AccountLabel
		District string `json:"district,omitempty"`
		Status   string `json:"status"`
	}
	out := make([]account, len(as))
	for i, a := range as {
		out[i] = account{a.ID, a.Label(), a.District, a.Status}
	}
	writeJSON(w, http.StatusOK, map[string]any{"accounts": out})
}

// handleToneCheck handles POST /api/tone/check {text, account|profile}.
func (s *Server) handleToneCheck(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Text    string `json:"text"`
		Profile string `json:"profile,omitempty"`
		Account string `json:"account,omitempty"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	profile, err := s.cfg.Approval.ProfileFor(r.Context(), in.Profile, in.Account)
	if err != nil {
		s.apiError(w, r, err)
		return
	} else if in.Text == "" {
		s.apiError(w, r, relais.FieldErrorf("text", "Text is required."))
		return
	}
	verdict, vs := s.cfg.Tone.Check(in.Text, profile)
	writeJSON(w, http.StatusOK, map[string]any{"verdict": verdict, "profile": profile, "violations": vs})
}
