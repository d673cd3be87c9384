package ui

import (
	"encoding/json"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/share"
	"github.com/relais/relais/store"
)

// queueItem is a post awaiting the member's decision, with its tone
// violations decoded for display.
type queueItem struct {
	*approval.PostView
	Violations []violation
}

// queuePage is the home: what awaits the member, the district map for the
// web team, and recent posts. A colistier's home is her inbox summary
// with the map in the middle.
type queuePage struct {
	Page
	Queue   []queueItem
	Recent  []*relais.Post
	Map     *districtMap
	Inbox   *share.Inbox
	Handles map[int64]string     // account id -> "@handle"
	Mine    []*approval.PostView // the member's drafts and posts sent back to her
	Balance *balance.Meter       // this week's balance, for those who see no map
}

// handleQueuePage handles GET /.
func (s *Server) handleQueuePage(w http.ResponseWriter, r *http.Request) {
	p := queuePage{Page: s.newPage(w, r, "queue.title", "queue")}
	if !p.MayDecide() {
		p.Title = p.T("nav.home")
	}
	ctx := r.Context()
	var err error
	if p.Can(policy.HomeInbox) {
		p.Title = p.T("home.title")
		if p.Inbox, err = s.cfg.Share.Inbox(ctx); err == nil {
			p.Map, _, err = s.buildMap(r)
		}
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.render(w, http.StatusOK, "home", p)
		return
	}
	if p.Handles, err = s.accountHandles(r, p.Page); err != nil {
		s.pageError(w, r, err)
		return
	}
	var posts []*relais.Post // what awaits her decision, if her role decides
	if p.MayDecide() {
		posts, err = s.cfg.Approval.Queue(ctx)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, post := range posts {
		v, err := s.cfg.Approval.Get(ctx, post.ID)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		it := queueItem{PostView: v}
		if v.Tone != nil && len(v.Tone.Violations) > 0 {
			_ = json.Unmarshal(v.Tone.Violations, &it.Violations)
		}
		p.Queue = append(p.Queue, it)
	}
	if p.Mine, err = s.myPostsToRework(r); err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Recent, err = s.cfg.Approval.Posts(ctx, store.PostFilter{Limit: 20}); err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Can(policy.DistrictsOverview) {
		if p.Map, _, err = s.buildMap(r); err != nil {
			s.pageError(w, r, err)
			return
		}
	} else {
		p.Balance = s.balanceMeter(r)
	}
	s.render(w, http.StatusOK, "queue", p)
}

// accountHandles maps the accounts the member may see to "Platform · @handle".
func (s *Server) accountHandles(r *http.Request, p Page) (map[int64]string, error) {
	as, err := s.cfg.Approval.Accounts(r.Context())
	return accountNames(p, as, " · "), err
}

// accountNames names each account by its platform and handle, with sep
// between them ("Bluesky · @anne.example").
func accountNames(p Page, as []*relais.Account, sep string) map[int64]string {
	out := make(map[int64]string, len(as))
	for _, a := range as {
		out[a.ID] = p.T("platform."+string(a.Platform)) + sep + "@" + a.Handle
	}
	return out
}
