package ui

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/relais/relais/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/*
var staticFS embed.FS

// pageNames lists every page template (templates/NAME.html, found at
// startup); each is parsed with layout.html and partials.html.
var pageNames = func() []string {
	var out []string
	entries, _ := fs.ReadDir(templateFS, "templates")
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if name != "layout" && name != "partials" {
			out = append(out, name)
		}
	}
	return out
}()

type templates struct {
	byName map[string]*template.Template
	assets map[string]string // file name -> checksummed URL
}

// mustParseTemplates parses every page at startup and panics on a broken
// template, so that a bad build never serves.
// Times are shown in loc, the campaign's time zone.
func mustParseTemplates(loc *time.Location) *templates {
	t := &templates{byName: map[string]*template.Template{}, assets: staticURLs()}
	funcs := template.FuncMap{
		"asset":     func(name string) string { return t.assets[name] },
		"fmtTime":   func(v any, lang string) string { return fmtTime(v, lang, loc) },
		"fmtDate":   func(v any, lang string) string { return fmtDate(v, lang, loc) },
		"monthName": monthName,
		"short": func(s string) string {
			if len(s) > 12 {
				return s[:12]
			}
			return s
		},
		"join":    strings.Join,
		"pct":     func(f float64) int { return int(f*100 + 0.5) },
		"signed":  func(n int64) string { return fmt.Sprintf("%+d", n) },
		"dict":    dict,
		"list":    func(v ...any) []any { return v },
		"isoDate": func(t time.Time) string { return t.In(loc).Format("2006-01-02") },
		"hhmm":    func(t time.Time) string { return t.In(loc).Format("15:04") },
	}
	for _, name := range pageNames {
		tpl := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS,
			"templates/layout.html", "templates/partials.html", "templates/"+name+".html"))
		t.byName[name] = tpl
	}
	return t
}

func staticURLs() map[string]string {
	out := map[string]string{}
	entries, _ := fs.ReadDir(staticFS, "static")
	for _, e := range entries {
		b, _ := staticFS.ReadFile("static/" + e.Name())
		sum := sha256.Sum256(b)
		out[e.Name()] = "/static/" + hex.EncodeToString(sum[:6]) + "/" + e.Name()
	}
	return out
}

// staticHandler serves /static/{checksum}/{name}, cached for a year since
// the checksum changes with the content.
func (s *Server) staticHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		if s.pages.assets[name] != r.URL.Path {
			http.NotFound(w, r)
			return
		}
		b, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
	})
}

// render writes page name with data into a buffer first, so that a
// template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	tpl, ok := s.pages.byName[name]
	if !ok {
		panic(fmt.Sprintf("ui: no template %q", name))
	}
	var buf bytes.Buffer
	if err := tpl.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.log.Error("template error", "template", name, "error", err)
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// localTimeLayout is the value of a datetime-local input.
const localTimeLayout = "2006-01-02T15:04"

// parseLocal reads the value of a datetime-local input as a wall-clock
// time in loc, the campaign's time zone.
func parseLocal(v string, loc *time.Location) (time.Time, error) {
	return time.ParseInLocation(localTimeLayout, strings.TrimSpace(v), loc)
}

// fmtTime formats a time.Time or *time.Time in loc for lang.
func fmtTime(v any, lang string, loc *time.Location) string {
	var tm time.Time
	switch t := v.(type) {
	case time.Time:
		tm = t
	case *time.Time:
		if t == nil {
			return ""
		}
		tm = *t
	default:
		return ""
	}
	return i18n.FormatDateTime(lang, tm.In(loc))
}

// fmtDate formats a day for lang: a time.Time (in loc) or a "2006-01-02"
// string; anything else is written as is.
func fmtDate(v any, lang string, loc *time.Location) string {
	switch t := v.(type) {
	case time.Time:
		return i18n.FormatDate(lang, t.In(loc))
	case string:
		if d, err := time.ParseInLocation(time.DateOnly, t, loc); err == nil {
			return i18n.FormatDate(lang, d)
		}
		return t
	}
	return fmt.Sprint(v)
}

// dict builds a map for passing several values to a partial template.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}
