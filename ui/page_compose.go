package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
)

// composePage is the compose form: text, per-platform variants, targets
// grouped by voice, schedule, and (filled live by app.js) tone
// highlights, counters, previews and X's cost.
type composePage struct {
	Page
	Groups    []accountGroup
	Platforms []relais.Platform // platforms of the accounts offered, for variants and previews
	Text      string
	Variants  map[relais.Platform]string
	When      string
	Sensitive bool
	Queue     bool // schedule at the next free queue slot
	Selected  map[int64]bool
	Media     []int64 // uploaded images, kept when the form comes back
}

// accountGroup is one voice's accounts: candidate, campaign, districts.
type accountGroup struct {
	Kind     string
	Label    string
	Accounts []*relais.Account
}

// groupOf puts colistiers' and district accounts together as districts.
func groupOf(k relais.OwnerKind) string {
	if k == relais.OwnerColistier {
		return string(relais.OwnerDistrict)
	}
	return string(k)
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
	order := []string{string(relais.OwnerCandidate), string(relais.OwnerCampaign), string(relais.OwnerDistrict)}
	for _, k := range order {
		p.Groups = append(p.Groups, accountGroup{Kind: k, Label: p.T("owner." + k)})
	}
	seen := map[relais.Platform]bool{}
	for _, a := range accounts {
		for i := range p.Groups {
			if p.Groups[i].Kind == groupOf(a.OwnerKind) {
				p.Groups[i].Accounts = append(p.Groups[i].Accounts, a)
			}
		}
		if !seen[a.Platform] {
			seen[a.Platform] = true
			p.Platforms = append(p.Platforms, a.Platform)
		}
	}
	s.render(w, status, "compose", p)
}

// handleComposeSubmit handles POST /compose: save the draft and submit it.
func (s *Server) handleComposeSubmit(w http.ResponseWriter, r *http.Request) {
	p := composePage{Text: r.FormValue("text"), When: r.FormValue("scheduled_at"), Selected: map[int64]bool{},
		Sensitive: r.FormValue("sensitive") == "on", Queue: r.FormValue("queue") == "on", Variants: map[relais.Platform]string{}}
	in := approval.PostInput{Text: p.Text, Sensitive: p.Sensitive}
	for _, pl := range relais.Platforms {
		if v := strings.TrimSpace(r.FormValue("variant_" + string(pl))); v != "" {
			p.Variants[pl] = v
		}
	}
	if len(p.Variants) > 0 {
		in.Variants = p.Variants
	}
	for _, v := range r.Form["media"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			p.Media = append(p.Media, id)
		}
	}
	in.Media = p.Media
	for _, v := range r.Form["target"] {
		id, _ := strconv.ParseInt(v, 10, 64)
		p.Selected[id] = true
		in.Targets = append(in.Targets, approval.Target{ID: id})
	}
	if p.When != "" && !p.Queue {
		t, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(p.When), relais.MustLocation())
		if err != nil {
			s.renderCompose(w, r, http.StatusBadRequest, p, relais.FieldErrorf("scheduled_at", "Date invalide. / Invalid date."))
			return
		}
		in.ScheduledAt = &t
	}
	post, err := s.cfg.Approval.CreatePost(r.Context(), in)
	if err == nil && p.Queue {
		_, err = s.cfg.Approval.AddToQueue(r.Context(), post.ID)
	}
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
