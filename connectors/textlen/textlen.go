package textlen

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Result is a text measured for one platform.
type Result struct {
	Platform string   `json:"platform"`
	Length   int      `json:"length"`
	Limit    int      `json:"limit"`
	Valid    bool     `json:"valid"`
	Problems []string `json:"problems"` // English sentences; never nil
}

// Options are an instance's overrides; zero means the platform default.
type Options struct {
	MaxChars  int // the limit (Mastodon's max_characters); any platform
	URLLength int // Mastodon's characters_reserved_per_url
}

// Count measures text for platform (a relais.Platform name, or "linkedin"
// or "threads") and lists what stops it from being published. Empty text
// and invalid UTF-8 give Valid=false with a problem, never a panic.
// Returns an error only if the platform is unknown.
func Count(platform string, text string, opt Options) (Result, error) {
	rule, ok := rules[platform]
	if !ok {
		return Result{}, fmt.Errorf("textlen: unknown platform %q", platform)
	}
	r := Result{Platform: platform, Limit: rule.limit, Problems: []string{}}
	if opt.MaxChars > 0 {
		r.Limit = opt.MaxChars
	}
	if !utf8.ValidString(text) {
		r.Problems = append(r.Problems, "text is not valid UTF-8")
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if text == "" {
		r.Problems = append(r.Problems, "text is empty")
	} else if strings.TrimSpace(text) == "" {
		r.Problems = append(r.Problems, "text has only white space")
	}
	rule.count(rule, &r, text, opt)
	r.Valid = len(r.Problems) == 0
	return r, nil
}

// Platforms returns the platforms Count knows, sorted.
func Platforms() []string {
	return []string{"bluesky", "facebook", "linkedin", "mastodon", "sandbox", "telegram", "threads", "x"}
}

// rule is how one platform counts.
type rule struct {
	name  string // for problems: "X", "Bluesky"...
	limit int
	unit  string // "characters", "graphemes"...
	count func(ru rule, r *Result, text string, opt Options)
}

// checkLimit adds the usual problem when r.Length exceeds r.Limit.
func (ru rule) checkLimit(r *Result) {
	if r.Length > r.Limit {
		r.Problems = append(r.Problems, fmt.Sprintf("text is %d %s, %s allows %d",
			r.Length, ru.unit, ru.name, r.Limit))
	}
}
