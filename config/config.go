// Package config is relais's configuration: every RELAIS_* environment
// variable, read once at start into a typed Config and validated with
// every problem reported at once. The command line's flags then override
// some fields (--data, --addr...). docs/CONFIG.md lists the variables.
//
// Only this package and the relais command read the environment; the
// other packages receive what they need from Config.
package config

import (
	"log/slog"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/supporters"
)

// Config is the whole configuration of a relais process.
type Config struct {
	DataDir      string // RELAIS_DATA: SQLite database, key file, sandbox journal
	DatabaseURL  string // RELAIS_DATABASE_URL: PostgreSQL; empty for SQLite
	SecretKey    string // RELAIS_SECRET_KEY: the credentials key (base64)
	SecretKeyOld string // RELAIS_SECRET_KEY_OLD: older keys, comma-separated
	DBMaxConns   int    // RELAIS_DB_MAX_CONNS: 0 for the store's default
	ReplicaID    string // RELAIS_REPLICA_ID: empty for host-pid

	Addr           string   // RELAIS_ADDR: HTTP listen address
	BaseURL        string   // RELAIS_BASE_URL: public URL, no trailing slash
	LinkBaseURL    string   // RELAIS_LINK_BASE_URL: short links' URL (default BaseURL)
	AllowedOrigins []string // RELAIS_ALLOWED_ORIGINS
	TrustedProxies []string // RELAIS_TRUSTED_PROXIES
	SecureCookies  bool     // RELAIS_SECURE_COOKIES
	MetricsAddr    string   // RELAIS_METRICS_ADDR
	MetricsToken   string   // RELAIS_METRICS_TOKEN
	Workers        int      // RELAIS_WORKERS: jobs run at once by this replica

	ToneConfig string     // RELAIS_TONE_CONFIG: tone rules YAML
	LogLevel   slog.Level // RELAIS_LOG_LEVEL
	LogJSON    bool       // RELAIS_LOG_FORMAT=json

	SMTP                 SMTP
	MastodonInstance     string // RELAIS_MASTODON_INSTANCE
	XMetricsDailyCap     int64  // RELAIS_X_METRICS_DAILY_CAP: 0 for no cap
	XConsumerKey         string // RELAIS_X_CONSUMER_KEY: the campaign's X app, for connecting X accounts in the browser
	XConsumerSecret      string // RELAIS_X_CONSUMER_SECRET
	AllowPrivateNetworks bool   // RELAIS_ALLOW_PRIVATE_NETWORKS

	SupporterDistricts supporters.Districts // RELAIS_SUPPORTER_DISTRICTS
	SupporterRetention time.Duration        // RELAIS_SUPPORTER_RETENTION: 0 for the default

	VideoUploadRetention time.Duration // RELAIS_VIDEO_UPLOAD_RETENTION: uploads no post carries; 0 for 7 days
	VideoRetention       time.Duration // RELAIS_VIDEO_RETENTION: videos of posts done with them; 0 for 30 days
	VideoMemberQuota     int64         // RELAIS_VIDEO_MEMBER_QUOTA (MB, stored in bytes): a member's videos no post carries; 0 for video.DefaultMaxHeldBytes

	Location      *time.Location   // RELAIS_TIMEZONE: the campaign's time zone
	DistrictsFile string           // RELAIS_DISTRICTS: the campaign's districts file
	Districts     relais.Districts // read from DistrictsFile, else the Paris sectors
}

// SMTP is the outgoing mail server (RELAIS_SMTP_*): one for alerts,
// invitations and share kits.
type SMTP struct {
	Host     string // RELAIS_SMTP_HOST: empty disables e-mail
	Port     int    // RELAIS_SMTP_PORT: 0 for the mailer's default
	Username string // RELAIS_SMTP_USERNAME
	Password string // RELAIS_SMTP_PASSWORD
	From     string // RELAIS_SMTP_FROM
	TLS      string // RELAIS_SMTP_TLS: starttls, opportunistic, ssl, none
	Rate     int    // RELAIS_SMTP_RATE: share-kit messages a minute, 0 unlimited
}

// DefaultTimeZone is the campaign's time zone when RELAIS_TIMEZONE is unset.
const DefaultTimeZone = "Europe/Paris"

// Lookup reads one environment variable (os.LookupEnv).
type Lookup func(name string) (string, bool)

// Load reads the configuration through lookup. It returns every problem
// found, each naming its variable, as a *Problems.
func Load(lookup Lookup) (*Config, error) {
	r := &reader{lookup: lookup}
	c := &Config{}
	c.readStorage(r)
	c.readHTTP(r)
	c.readMail(r)
	c.readCampaign(r)
	if len(r.problems) > 0 {
		return c, &r.problems
	}
	return c, nil
}

func (c *Config) readStorage(r *reader) {
	c.DataDir = r.str("RELAIS_DATA", "relais-data")
	c.DatabaseURL = r.postgresURL("RELAIS_DATABASE_URL")
	c.SecretKey = r.key("RELAIS_SECRET_KEY")
	c.SecretKeyOld = r.keys("RELAIS_SECRET_KEY_OLD")
	c.DBMaxConns = r.intIn("RELAIS_DB_MAX_CONNS", 0, minMaxConns, 1<<20)
	c.ReplicaID = r.str("RELAIS_REPLICA_ID", "")
}

func (c *Config) readHTTP(r *reader) {
	c.Addr = r.str("RELAIS_ADDR", ":8080")
	c.BaseURL = r.httpURL("RELAIS_BASE_URL")
	c.LinkBaseURL = r.httpURL("RELAIS_LINK_BASE_URL")
	if c.LinkBaseURL == "" {
		c.LinkBaseURL = c.BaseURL
	}
	c.AllowedOrigins = r.list("RELAIS_ALLOWED_ORIGINS")
	c.TrustedProxies = r.list("RELAIS_TRUSTED_PROXIES")
	c.SecureCookies = r.bool("RELAIS_SECURE_COOKIES")
	c.MetricsAddr = r.str("RELAIS_METRICS_ADDR", "")
	c.MetricsToken = r.str("RELAIS_METRICS_TOKEN", "")
	c.Workers = r.intIn("RELAIS_WORKERS", 10, 1, 1000)
}

func (c *Config) readMail(r *reader) {
	c.SMTP = SMTP{Host: r.str("RELAIS_SMTP_HOST", ""), Port: r.intIn("RELAIS_SMTP_PORT", 0, 1, 65535),
		Username: r.str("RELAIS_SMTP_USERNAME", ""), Password: r.str("RELAIS_SMTP_PASSWORD", ""),
		From: r.str("RELAIS_SMTP_FROM", ""), TLS: r.oneOf("RELAIS_SMTP_TLS", "", "starttls", "opportunistic", "ssl", "none"),
		Rate: r.intIn("RELAIS_SMTP_RATE", 0, 0, 1<<20)}
}

func (c *Config) readCampaign(r *reader) {
	c.ToneConfig = r.str("RELAIS_TONE_CONFIG", "")
	c.LogLevel = r.level("RELAIS_LOG_LEVEL")
	c.LogJSON = r.oneOf("RELAIS_LOG_FORMAT", "text", "text", "json") == "json"
	c.MastodonInstance = r.httpURL("RELAIS_MASTODON_INSTANCE")
	c.XMetricsDailyCap = int64(r.intIn("RELAIS_X_METRICS_DAILY_CAP", 0, 0, 1<<40))
	c.AllowPrivateNetworks = r.bool("RELAIS_ALLOW_PRIVATE_NETWORKS")
	c.XConsumerKey, c.XConsumerSecret = r.str("RELAIS_X_CONSUMER_KEY", ""), r.str("RELAIS_X_CONSUMER_SECRET", "")
	c.SupporterDistricts = r.supporterDistricts("RELAIS_SUPPORTER_DISTRICTS")
	c.SupporterRetention = r.retention("RELAIS_SUPPORTER_RETENTION")
	c.VideoUploadRetention = r.retention("RELAIS_VIDEO_UPLOAD_RETENTION")
	c.VideoRetention = r.retention("RELAIS_VIDEO_RETENTION")
	c.VideoMemberQuota = int64(r.intIn("RELAIS_VIDEO_MEMBER_QUOTA", 0, 100, 1<<20)) << 20
	c.Location = r.location("RELAIS_TIMEZONE", DefaultTimeZone)
	c.DistrictsFile = r.str("RELAIS_DISTRICTS", "")
	c.Districts = r.districts("RELAIS_DISTRICTS", c.DistrictsFile)
	if c.DistrictsFile != "" {
		c.addPostcodes()
	}
}

// addPostcodes maps the districts file's postcodes to their districts for
// supporter imports; RELAIS_SUPPORTER_DISTRICTS wins for a postcode both
// name.
func (c *Config) addPostcodes() {
	if c.SupporterDistricts.Extra == nil {
		c.SupporterDistricts.Extra = map[string]string{}
	}
	for _, d := range c.Districts {
		for _, code := range d.Postcodes {
			if _, set := c.SupporterDistricts.Extra[code]; !set {
				c.SupporterDistricts.Extra[code] = d.Name
			}
		}
	}
}
