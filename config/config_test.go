package config

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func env(vars map[string]string) Lookup {
	return func(name string) (string, bool) { v, ok := vars[name]; return v, ok }
}

// TestDefaults: an empty environment is valid and gives the documented
// defaults.
func TestDefaults(t *testing.T) {
	c, err := Load(env(nil))
	require.NoError(t, err)
	require.Equal(t, "relais-data", c.DataDir)
	require.Equal(t, ":8080", c.Addr)
	require.Equal(t, 10, c.Workers)
	require.Equal(t, "Europe/Paris", c.Location.String())
	require.Zero(t, c.SMTP.Port)
	require.False(t, c.AllowPrivateNetworks)
}

// TestValues: set variables are parsed into their types.
func TestValues(t *testing.T) {
	c, err := Load(env(map[string]string{"RELAIS_SMTP_PORT": "2525", "RELAIS_BASE_URL": "https://relais.example.org/",
		"RELAIS_SUPPORTER_RETENTION": "180d", "RELAIS_TIMEZONE": "America/Montreal", "RELAIS_SECURE_COOKIES": "true",
		"RELAIS_ALLOWED_ORIGINS": "https://a.example, https://b.example", "RELAIS_SUPPORTER_DISTRICTS": "93100=Montreuil", "RELAIS_VIDEO_MEMBER_QUOTA": "500"}))
	require.NoError(t, err)
	require.Equal(t, 2525, c.SMTP.Port)
	require.Equal(t, "https://relais.example.org", c.BaseURL)
	require.Equal(t, c.BaseURL, c.LinkBaseURL, "short links default to the base URL")
	require.Equal(t, 180*24*time.Hour, c.SupporterRetention)
	require.Equal(t, "America/Montreal", c.Location.String())
	require.True(t, c.SecureCookies)
	require.Equal(t, []string{"https://a.example", "https://b.example"}, c.AllowedOrigins)
	require.Equal(t, "Montreuil", c.SupporterDistricts.Extra["93100"])
	require.EqualValues(t, 500<<20, c.VideoMemberQuota, "MB")
}

// TestEveryProblemAtOnce (issue 13 item 4): each bad variable is named,
// all in one error; none silently falls back to its default.
func TestEveryProblemAtOnce(t *testing.T) {
	bad := map[string]string{
		"RELAIS_SMTP_PORT": "abc", "RELAIS_BASE_URL": "relais.example.org", "RELAIS_SUPPORTER_RETENTION": "forever",
		"RELAIS_TIMEZONE": "Mars/Olympus", "RELAIS_WORKERS": "-1", "RELAIS_SECURE_COOKIES": "maybe",
		"RELAIS_LOG_LEVEL": "loud", "RELAIS_SMTP_TLS": "tls9", "RELAIS_DATABASE_URL": "mysql://x/y",
		"RELAIS_DB_MAX_CONNS": "2", "RELAIS_SECRET_KEY": "short", "RELAIS_SUPPORTER_DISTRICTS": "Montreuil",
		"RELAIS_VIDEO_MEMBER_QUOTA": "10",
	}
	_, err := Load(env(bad))
	var p *Problems
	require.ErrorAs(t, err, &p)
	require.Len(t, *p, len(bad), err.Error())
	for name := range bad {
		require.Contains(t, err.Error(), name+": ")
	}
	require.NotContains(t, err.Error(), "short", "a secret is never echoed")
}

// TestParseRetention reads months, days and Go durations.
func TestParseRetention(t *testing.T) {
	for in, want := range map[string]time.Duration{"": 0, "6mo": 180 * 24 * time.Hour, "2d": 48 * time.Hour, "36h": 36 * time.Hour} {
		got, err := ParseRetention(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, in := range []string{"0d", "-3mo", "xmo", "soon"} {
		_, err := ParseRetention(in)
		require.Error(t, err, in)
		require.True(t, strings.Contains(err.Error(), in), in)
	}
}

// TestEveryVariableDocumented: each variable this package reads has a row
// in docs/CONFIG.md.
func TestEveryVariableDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/CONFIG.md")
	require.NoError(t, err)
	src, err := os.ReadFile("config.go")
	require.NoError(t, err)
	names := regexp.MustCompile(`"(RELAIS_[A-Z_]+)"`).FindAllStringSubmatch(string(src), -1)
	require.Greater(t, len(names), 30)
	for _, n := range names {
		require.Contains(t, string(doc), "`"+n[1]+"`", "docs/CONFIG.md must document %s", n[1])
	}
}

// TestDistrictsFilePostcodes: a districts file's postcodes place imported
// supporters; RELAIS_SUPPORTER_DISTRICTS wins for a postcode both name.
func TestDistrictsFilePostcodes(t *testing.T) {
	file := t.TempDir() + "/d.json"
	require.NoError(t, os.WriteFile(file, []byte(`{"districts":[{"id":"n","name":"Nord","postcodes":["59000","59800"],"tile":{"row":1,"col":1}}]}`), 0o600))
	c, err := Load(env(map[string]string{"RELAIS_DISTRICTS": file, "RELAIS_SUPPORTER_DISTRICTS": "59800=Lille Centre"}))
	require.NoError(t, err)
	require.Equal(t, "Nord", c.Districts[0].Name)
	require.Equal(t, "Nord", c.SupporterDistricts.Extra["59000"])
	require.Equal(t, "Lille Centre", c.SupporterDistricts.Extra["59800"])
}
