package config

import (
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/secret"
	"github.com/relais/relais/store"
	"github.com/relais/relais/supporters"
)

// minMaxConns is the smallest connection budget the store accepts.
const minMaxConns = store.MinMaxConns

// Problems lists every invalid variable, one a line.
type Problems []string

// Error returns the problems, one a line.
func (p *Problems) Error() string {
	return "invalid configuration:\n  " + strings.Join(*p, "\n  ")
}

// reader reads variables and collects what is wrong with them.
type reader struct {
	lookup   Lookup
	problems Problems
}

// str returns the trimmed value of name, or def when unset or empty.
func (r *reader) str(name, def string) string {
	if v, ok := r.lookup(name); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return def
}

func (r *reader) bad(name, format string, args ...any) {
	r.problems = append(r.problems, name+": "+fmt.Sprintf(format, args...))
}

// intIn returns a whole number from min to max, or def when unset.
func (r *reader) intIn(name string, def, min, max int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		r.bad(name, "must be a whole number from %d to %d (got %q)", min, max, v)
		return def
	}
	return n
}

// bool reads true/false (also 1/0, yes/no); unset is false.
func (r *reader) bool(name string) bool {
	switch strings.ToLower(r.str(name, "false")) {
	case "true", "1", "yes":
		return true
	case "false", "0", "no":
		return false
	}
	r.bad(name, "must be true or false (got %q)", r.str(name, ""))
	return false
}

// oneOf returns the value if it is one of allowed, else def.
func (r *reader) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(r.str(name, def))
	if v != def && !slices.Contains(allowed, v) {
		r.bad(name, "must be one of %s (got %q)", strings.Join(allowed, ", "), v)
		return def
	}
	return v
}

// list reads a comma-separated list.
func (r *reader) list(name string) []string {
	var out []string
	for _, v := range strings.Split(r.str(name, ""), ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// httpURL reads an absolute http(s) URL, without its trailing slash.
func (r *reader) httpURL(name string) string {
	v := strings.TrimSuffix(r.str(name, ""), "/")
	if v == "" {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.bad(name, "must be an absolute http:// or https:// URL (got %q)", v)
		return ""
	}
	return v
}

// postgresURL reads a postgres:// URL (or a key=value DSN).
func (r *reader) postgresURL(name string) string {
	v := r.str(name, "")
	if v == "" || strings.Contains(v, "=") && !strings.Contains(v, "://") {
		return v
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		r.bad(name, "must be a postgres:// URL (got a %q URL)", schemeOf(v))
		return ""
	}
	return v
}

func schemeOf(v string) string {
	s, _, _ := strings.Cut(v, ":")
	return s
}

// key checks a secret key without ever printing it.
func (r *reader) key(name string) string {
	v := r.str(name, "")
	if v == "" {
		return ""
	} else if _, err := secret.ParseKey(v); err != nil {
		r.bad(name, "is not a valid key: %v", err)
	}
	return v
}

// keys checks a comma-separated list of keys.
func (r *reader) keys(name string) string {
	for _, k := range r.list(name) {
		if _, err := secret.ParseKey(k); err != nil {
			r.bad(name, "holds an invalid key: %v", err)
			break
		}
	}
	return r.str(name, "")
}

// level reads debug, info, warn or error.
func (r *reader) level(name string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(r.str(name, "info"))); err != nil {
		r.bad(name, "must be debug, info, warn or error (got %q)", r.str(name, ""))
		return slog.LevelInfo
	}
	return l
}

// location reads an IANA time zone such as Europe/Paris.
func (r *reader) location(name, def string) *time.Location {
	v := r.str(name, def)
	loc, err := time.LoadLocation(v)
	if err != nil || v == "Local" {
		r.bad(name, "must be an IANA time zone such as Europe/Paris (got %q)", v)
		loc, _ = time.LoadLocation(def)
	}
	return loc
}

// districts reads the districts file at path (the Paris sectors when
// empty).
func (r *reader) districts(name, path string) relais.Districts {
	ds, err := relais.LoadDistricts(path)
	if err != nil {
		r.bad(name, "%v", err)
		return relais.DefaultDistricts()
	}
	return ds
}

func (r *reader) supporterDistricts(name string) supporters.Districts {
	d, err := supporters.ParseDistricts(r.str(name, ""))
	if err != nil {
		r.bad(name, "must be like 93100=Montreuil,92=Hauts-de-Seine: %v", err)
	}
	return d
}

func (r *reader) retention(name string) time.Duration {
	d, err := ParseRetention(r.str(name, ""))
	if err != nil {
		r.bad(name, "%v", err)
	}
	return d
}

// ParseRetention reads "6mo", "180d" or a Go duration ("4320h"); empty is
// 0 (the default, six months).
func ParseRetention(s string) (time.Duration, error) {
	bad := fmt.Errorf("must be like 6mo, 180d or 4320h (got %q)", s)
	n, unit := 0, time.Duration(0)
	switch {
	case s == "":
		return 0, nil
	case strings.HasSuffix(s, "mo"):
		n, unit = atoi(strings.TrimSuffix(s, "mo")), 30*24*time.Hour
	case strings.HasSuffix(s, "d"):
		n, unit = atoi(strings.TrimSuffix(s, "d")), 24*time.Hour
	default:
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 || d > maxRetention {
			return 0, bad
		}
		return d, nil
	}
	if n <= 0 || n > int(maxRetention/unit) {
		return 0, bad
	}
	return time.Duration(n) * unit, nil
}

// maxRetention bounds a retention period (a century, well inside
// time.Duration): past it, "999999d" would overflow into a negative period
// that purges every supporter.
const maxRetention = 36500 * 24 * time.Hour

// atoi returns the whole number s, or -1.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
