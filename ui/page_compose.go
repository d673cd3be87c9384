package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// composePage is the compose form.
type composePage struct {
	Page
	Groups   []accountGroup
	Text     string
	When     string
	Selected map[int64]bool
}

type accountGroup struct {
	Label    string
	Accounts []*relais.Account
}

// handleComposePage handles GET /compose.
func (s *Server) handleComposePage(w http.ResponseWriter, r *http.Request) {
	s.renderCompose(w, r, http.StatusOK, composePage{Selected: map[int64]bool{}}, nil)
}

func (s *Server) renderCompose(w http.ResponseWriter, r *http.Request, status int, p composePage, formErr error) {
	p.Page = s.newPage(w, r, "compose.title", "compose")
	if formErr != nil {
		p.Error = relais.ErrorMessage(formErr)
	}
	if !p.Member.Role.CanDraft() {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not write posts.", p.Member.Role))
		return
	}
	accounts, err := s.cfg.Approval.Accounts(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	index := map[relais.OwnerKind]int{}
	for _, a := range accounts {
		i, ok := index[a.OwnerKind]
		if !ok {
			i = len(p.Groups)
			index[a.OwnerKind] = i
			p.Groups = append(p.Groups, accountGroup{Label: p.T("owner." + string(a.OwnerKind))})
		}
		p.Groups[i].Accounts = append(p.Groups[i].Accounts, a)
	}
	s.render(w, status, "compose", p)
}

// handleComposeSubmit handles POST /compose: save the draft and submit it.
func (s *Server) handleComposeSubmit(w http.ResponseWriter, r *http.Request) {
	p := composePage{Text: r.FormValue("text"), When: r.FormValue("scheduled_at"), Selected: map[int64]bool{}}
	in := approval.PostInput{Text: p.Text, Sensitive: r.FormValue("sensitive") == "on"}
	for _, v := range r.Form["target"] {
		id, _ := strconv.ParseInt(v, 10, 64)
		p.Selected[id] = true
		in.Targets = append(in.Targets, approval.Target{ID: id})
	}
	if p.When != "" {
		t, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(p.When), relais.MustLocation())
		if err != nil {
			s.renderCompose(w, r, http.StatusBadRequest, p, relais.FieldErrorf("scheduled_at", "Date invalide. / Invalid date."))
			return
		}
		in.ScheduledAt = &t
	}
	post, err := s.cfg.Approval.CreatePost(r.Context(), in)
	if err == nil {
		_, err = s.cfg.Approval.Submit(r.Context(), post.ID)
	}
	if err != nil && post == nil {
		s.renderCompose(w, r, statusOf[relais.ErrorCode(err)], p, err)
		return
	} else if err != nil {
		s.renderPost(w, r, post.ID, err) // saved as a draft, not submitted
		return
	}
	http.Redirect(w, r, "/posts/"+strconv.FormatInt(post.ID, 10), http.StatusSeeOther)
}
