package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/policy"
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
	Video     composeVideo
	Quote     *relais.PostQuote // the post an edited quote quotes, drawn in its platform's preview

	PostLang string           // "fr", "en", or "" to detect it from the text
	EditID   int64            // the post being edited, 0 when composing
	State    relais.PostState // the edited post's state
	ErrField string           // the field a form error names
	Blackout []blackoutSpan   // windows the date picker warns about
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
	if p.EditID != 0 {
		p.Title = p.T("edit.title")
	}
	if formErr != nil {
		p.Error, p.ErrField = formError(p.Page, formErr), relais.ErrorField(formErr)
	}
	if !p.Can(policy.PostCreate) {
		s.pageError(w, r, relais.Errorf(relais.EFORBIDDEN, "Your role (%s) may not write posts.", p.Member.Role))
		return
	}
	accounts, err := s.cfg.Approval.Accounts(r.Context())
	if err == nil {
		p.Blackout, err = s.blackoutSpans(r)
	}
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
	p, in, err := readComposeForm(r, s.cfg.Location)
	if err != nil {
		s.renderCompose(w, r, http.StatusBadRequest, p, err)
		return
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
	} else if err != nil { // saved once as a draft, not submitted: its edit page says why
		http.Redirect(w, r, "/posts/"+strconv.FormatInt(post.ID, 10)+"/edit?check=1&ok=not_sent", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/posts/"+strconv.FormatInt(post.ID, 10), http.StatusSeeOther)
}

// readComposeForm reads the compose (or edit) form into the page to show
// again on error, with everything typed kept, and the service's input.
// No account ticked and a bad date are form errors naming their field.
func readComposeForm(r *http.Request, loc *time.Location) (composePage, approval.PostInput, error) {
	p := composePage{Text: r.FormValue("text"), When: r.FormValue("scheduled_at"), Selected: map[int64]bool{},
		Sensitive: r.FormValue("sensitive") == "on", Queue: r.FormValue("queue") == "on", Variants: map[relais.Platform]string{}}
	p.PostLang = r.FormValue("lang")
	in := approval.PostInput{Text: p.Text, Sensitive: p.Sensitive, Lang: p.PostLang}
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
	p.Video, in.Video = readVideoForm(r)
	for _, v := range r.Form["target"] {
		id, _ := strconv.ParseInt(v, 10, 64)
		p.Selected[id] = true
		in.Targets = append(in.Targets, approval.Target{ID: id})
	}
	if len(in.Targets) == 0 {
		return p, in, &relais.Error{Code: relais.EINVALID, Field: "targets", Key: "error.no_target", Message: "Tick at least one account."}
	}
	if p.When != "" && !p.Queue {
		t, err := parseLocal(p.When, loc)
		if err != nil {
			return p, in, (&relais.Error{Code: relais.EINVALID, Field: "scheduled_at", Message: "Invalid date."}).With("error.bad_date", "value", p.When)
		}
		in.ScheduledAt = &t
	}
	return p, in, nil
}
