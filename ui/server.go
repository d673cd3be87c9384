// Package ui is relais's HTTP side: the JSON API, the server-rendered
// dashboard (French by default, English available), sign-in with sessions
// and bearer tokens, the live websocket hub, and the operational endpoints
// (/healthz, /readyz, /metrics). Handlers decode and encode; every decision
// is taken by the services they call.
package ui

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/analytics"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/auth"
	"github.com/relais/relais/balance"
	"github.com/relais/relais/capture"
	"github.com/relais/relais/connectors/sandbox"
	"github.com/relais/relais/events"
	"github.com/relais/relais/push"
	"github.com/relais/relais/relaying"
	"github.com/relais/relais/share"
	"github.com/relais/relais/supporters"
	"github.com/relais/relais/video"
)

// MaxBodyBytes is the largest request body accepted.
const MaxBodyBytes = 1 << 20

// MaxUploadBytes is the largest image upload body (an image of
// relais.MaxMediaBytes, base64-encoded in JSON or in a multipart form).
const MaxUploadBytes = 8 << 20

// Config holds the server's dependencies.
type Config struct {
	Auth           *auth.Service
	Approval       *approval.Service
	Tone           approval.ToneChecker
	Hub            *Hub
	Ready          func(ctx context.Context) error // database reachable, migrations current
	Metrics        http.Handler
	MetricsToken   string             // /metrics needs "Authorization: Bearer <token>"; empty: not served here
	Sandbox        *sandbox.Connector // optional: serves /sandbox/{id}
	Logger         *slog.Logger
	AllowedOrigins []string // extra origins allowed for the websocket and forms
	SecureCookies  bool     // set Secure on cookies (behind HTTPS)
	TrustedProxies []string // reverse proxies whose X-Forwarded-For is believed
	BaseURL        string   // public URL (RELAIS_BASE_URL) for links the server writes, e.g. in .ics feeds
	// Districts are the campaign's districts (RELAIS_DISTRICTS): the map,
	// the settings and the reports show them. Default: the Paris sectors.
	Districts relais.Districts
	// Location is the campaign's time zone (RELAIS_TIMEZONE): pages show
	// times in it and read the times of forms in it. Default:
	// relais.DefaultLocation.
	Location *time.Location
	// WSRecheck is how often websockets re-check their session
	// (DefaultWSRecheck when 0); MaxSocketsPerMember bounds one member's
	// websockets (DefaultMaxSocketsPerMember when 0).
	WSRecheck           time.Duration
	MaxSocketsPerMember int

	Share     *share.Service          // colistiers' inboxes and the district map
	Connect   *ConnectConfig          // optional: connecting accounts from the browser
	ToneRules *approval.ToneRulesFile // the tone rules the settings page edits and reloads
	Events    *events.Service         // optional: field events, their public pages and RSVPs
	Capture   *capture.Service        // optional: the Terrain screen's captures from a phone
	Push      *push.Service           // optional: Web Push subscriptions
	Videos    *video.Uploads          // optional: resumable video uploads
	Relay     *relaying.Service       // optional: the colistiers' posts to relay
	Balance   *balance.Service        // optional: the week's balance meter on the map and the queue

	// Analytics serves tracked links, metrics, experiments and reports
	// (issue 15); nil leaves those routes out.
	Analytics  *analytics.Service
	Supporters *supporters.Service // the supporters' pages; nil leaves them out
}

// Server serves the dashboard and the API.
type Server struct {
	cfg   Config
	hub   *Hub
	log   *slog.Logger
	pages *templates
	mux   *http.ServeMux

	patterns []string
}

// New returns a server with every route registered.
func New(cfg Config) *Server {
	if len(cfg.Districts) == 0 {
		cfg.Districts = relais.DefaultDistricts()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Location == nil {
		cfg.Location = relais.DefaultLocation()
	}
	if cfg.Hub == nil {
		cfg.Hub = NewHub()
	}
	s := &Server{cfg: cfg, hub: cfg.Hub, log: cfg.Logger, pages: mustParseTemplates(cfg.Location), mux: http.NewServeMux()}
	s.routes()
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.recoverer(s.mux).ServeHTTP(w, r)
}
