package ui

import (
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/policy"
	"github.com/relais/relais/relaying"
)

// relayPage is the "to relay" list: colistiers' recent public posts, each
// with a Repost button and a Quote form.
type relayPage struct {
	Page
	Listing   *relaying.Listing
	CanRepost bool
}

// relayRoutes registers the list and its two actions (editors).
func (s *Server) relayRoutes() {
	if s.cfg.Relay == nil {
		return
	}
	s.page("GET /relay", s.handleRelayPage)
	s.page("POST /relay/repost", s.handleRelayRepost)
	s.page("POST /relay/quote", s.handleRelayQuote)
}

// handleRelayPage handles GET /relay.
func (s *Server) handleRelayPage(w http.ResponseWriter, r *http.Request) {
	s.renderRelay(w, r, http.StatusOK, nil)
}

func (s *Server) renderRelay(w http.ResponseWriter, r *http.Request, status int, failure error) {
	p := relayPage{Page: s.newPage(w, r, "relay.title", "relay")}
	l, err := s.cfg.Relay.List(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for i := range l.Entries {
		l.Entries[i].Item.Text = relaying.PlainText(l.Entries[i].Item.Text)
	}
	p.Listing, p.CanRepost = l, p.Can(policy.RelayRepost)
	if failure != nil {
		p.Error = localize(p.Lang, p.Location(), failure)
	}
	s.render(w, status, "relay", p)
}

// relayForm reads the account and the post a form names.
func relayForm(r *http.Request) (int64, string) {
	id, _ := strconv.ParseInt(r.PostFormValue("account"), 10, 64)
	return id, r.PostFormValue("uri")
}

// handleRelayRepost handles POST /relay/repost: the repost goes out at once.
func (s *Server) handleRelayRepost(w http.ResponseWriter, r *http.Request) {
	id, uri := relayForm(r)
	if _, err := s.cfg.Relay.Repost(r.Context(), id, uri); err != nil {
		s.relayFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/relay?ok=reposted", http.StatusSeeOther)
}

// handleRelayQuote handles POST /relay/quote: the quote is a post sent
// to approval; the editor lands on it.
func (s *Server) handleRelayQuote(w http.ResponseWriter, r *http.Request) {
	id, uri := relayForm(r)
	p, err := s.cfg.Relay.Quote(r.Context(), id, uri, r.PostFormValue("text"))
	if err != nil {
		s.relayFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/posts/"+itoa(p.ID), http.StatusSeeOther)
}

// relayFailed shows the list again with the error in the page's
// language (a platform's refusal of a repost too), or the error page for
// a refusal of the role.
func (s *Server) relayFailed(w http.ResponseWriter, r *http.Request, err error) {
	if c := relais.ErrorCode(err); c == relais.EFORBIDDEN || c == relais.EUNAUTHORIZED {
		s.pageError(w, r, err)
		return
	}
	s.renderRelay(w, r, statusOf[relais.ErrorCode(err)], err)
}

// relayMessages are the "to relay" page's strings, merged into messages.
var relayMessages = map[string][2]string{
	"nav.relay":                {"À relayer", "To relay"},
	"relay.title":              {"Publications des colistier·es à relayer", "Running mates' posts to relay"},
	"relay.help":               {"Les publications publiques récentes des colistier·es. Repartager part tout de suite depuis le compte de campagne (c'est consigné) ; citer crée une publication qui passe par la validation habituelle.", "The running mates' recent public posts. A repost goes out at once from the campaign's account (it is logged); a quote creates a post that goes through the usual approval."},
	"relay.none":               {"Rien à relayer pour l'instant.", "Nothing to relay for now."},
	"relay.unreadable":         {"Comptes illisibles :", "Accounts that could not be read:"},
	"relay.repost":             {"Repartager", "Repost"},
	"relay.quote":              {"Citer", "Quote"},
	"relay.quote_text":         {"Votre commentaire", "Your comment"},
	"relay.open":               {"Voir la publication", "Open the post"},
	"flash.reposted":           {"Repartagé depuis le compte de campagne.", "Reposted from the campaign's account."},
	"field.uri":                {"Publication", "Post"},
	"relay.not_listed":         {"Cette publication n'est plus dans la liste à relayer.", "This post is no longer in the list to relay."},
	"relay.no_campaign":        {"La campagne n'a pas de compte {platform} d'où relayer.", "The campaign has no {platform} account to relay from."},
	"relay.text_required":      {"Écrivez votre commentaire avant de citer.", "Write your comment before quoting."},
	"relay.unreadable_account": {"Impossible de relire le compte {handle} : {reason}", "Cannot read the account {handle} again: {reason}"},
	"relay.repost_failed":      {"Le repartage sur {platform} a échoué : {reason}", "The repost on {platform} failed: {reason}"},
	"relay.x_cap":              {"Le plafond de lectures X du jour est atteint : les publications X des colistier·es seront relues demain.", "Today's X read cap is reached: the running mates' X posts will be read again tomorrow."},
	"relay.quoting":            {"Cite la publication", "Quotes the post"},
	"relay.foreign_status":     {"L'adresse de cette publication n'est pas sur le serveur de {handle} : elle n'est pas repartagée.", "This post's address is not on {handle}'s server: it is not reposted."},
}

func init() {
	for k, v := range relayMessages {
		messages[k] = v
	}
}
