package analytics

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/approval"
	"github.com/relais/relais/connectors/textlen"
	"github.com/relais/relais/store"
)

// Channels a tracked link is handed out on.
const (
	ChannelAccount   = "account"   // a campaign, candidate or colistier account's publication
	ChannelDistrict  = "district"  // a district account's publication
	ChannelColistier = "colistier" // colistiers' share suggestions, per district
	ChannelSupporter = "supporter" // supporters' share kits, per district
)

// CodeLen is the length of a link code (base 62).
const CodeLen = 10

// Scope is where a link is handed out: one code per scope and destination.
type Scope struct {
	PostID   int64
	Variant  string // "" for the post's text, else the variant's name
	Channel  string
	Ref      string // the account ID for account channels, "" otherwise
	District string
}

// ScopeForAccount returns the scope of a post's publication on an account.
func ScopeForAccount(p *relais.Post, a *relais.Account) Scope {
	sc := Scope{PostID: p.ID, Channel: ChannelAccount, Ref: fmt.Sprint(a.ID), District: a.District}
	if a.OwnerKind == relais.OwnerDistrict {
		sc.Channel = ChannelDistrict
	}
	if v, ok := p.Variants[a.Platform]; ok && v != "" {
		sc.Variant = string(a.Platform)
	}
	return sc
}

// Linker derives link codes and rewrites texts.
type Linker struct {
	base string // e.g. https://relais.example.org, no trailing slash
	key  []byte
}

// NewLinker returns a linker for base (RELAIS_LINK_BASE_URL), loading or
// creating the campaign's code key.
func NewLinker(ctx context.Context, st *store.Store, base string) (*Linker, error) {
	var key string
	err := st.Update(ctx, func(tx *store.Tx) (err error) {
		key, err = tx.AnalyticsKey("links")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cannot load the link key: %w", err)
	}
	return &Linker{base: strings.TrimSuffix(base, "/"), key: []byte(key)}, nil
}

// Base returns the public base URL short links are made on.
func (l *Linker) Base() string { return l.base }

// Code returns the code of dest in scope: an HMAC, so that the same scope
// and destination always get the same code and codes cannot be guessed.
func (l *Linker) Code(sc Scope, dest string) string {
	m := hmac.New(sha256.New, l.key)
	fmt.Fprintf(m, "%d\x00%s\x00%s\x00%s\x00%s\x00%s", sc.PostID, sc.Variant, sc.Channel, sc.Ref, sc.District, dest)
	return base62(m.Sum(nil), CodeLen)
}

// ShortURL returns the public short link of a code.
func (l *Linker) ShortURL(code string) string { return l.base + "/l/" + code }

// Pair is one destination and the short link that replaces it.
type Pair struct {
	URL   string `json:"url"`
	Short string `json:"short"`
	Code  string `json:"code"`
}

// Shorten returns text with each http(s) URL replaced by its short link
// in scope, and the pairs. Links already on the base are left alone; URLs
// without a scheme are left as written (the platform shows them as typed).
func (l *Linker) Shorten(sc Scope, text string) (string, []Pair) {
	if !strings.Contains(text, "http") {
		return text, nil
	}
	var b strings.Builder
	var pairs []Pair
	last := 0
	for _, u := range textlen.ExtractURLs(text) {
		dest := text[u.Start:u.End]
		if !trackable(dest) || strings.HasPrefix(dest, l.base+"/") {
			continue
		}
		code := l.Code(sc, dest)
		p := Pair{URL: dest, Code: code, Short: l.ShortURL(code)}
		pairs = append(pairs, p)
		b.WriteString(text[last:u.Start])
		b.WriteString(p.Short)
		last = u.End
	}
	if pairs == nil {
		return text, nil
	}
	b.WriteString(text[last:])
	return b.String(), pairs
}

// Rewrite shortens text in scope and saves its links in tx. An account
// that opted out keeps naked links.
func (l *Linker) Rewrite(tx *store.Tx, sc Scope, text string) (string, error) {
	if l == nil {
		return text, nil
	}
	out, pairs := l.Shorten(sc, text)
	if len(pairs) == 0 {
		return text, nil
	}
	if sc.Channel == ChannelAccount || sc.Channel == ChannelDistrict {
		var id int64
		fmt.Sscan(sc.Ref, &id)
		if off, err := tx.LinkOptOut(id); err != nil || off {
			return text, err
		}
	}
	ls := make([]store.Link, len(pairs))
	for i, p := range pairs {
		ls[i] = store.Link{Code: p.Code, PostID: sc.PostID, Variant: sc.Variant, Channel: sc.Channel,
			ChannelRef: sc.Ref, District: sc.District, URL: p.URL}
	}
	return out, tx.SaveLinks(ls)
}

// trackable reports whether u is an absolute http(s) URL.
func trackable(u string) bool {
	lu := strings.ToLower(u)
	return strings.HasPrefix(lu, "https://") || strings.HasPrefix(lu, "http://")
}

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62 encodes the first n base-62 digits of b (b must hold >= n bytes).
func base62(b []byte, n int) string {
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[int(b[i])%62]
	}
	return string(out)
}

// ValidCode reports whether s has a code's shape, so that junk never
// reaches the database.
func ValidCode(s string) bool {
	if len(s) != CodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(alphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// PreviewLinks implements approval.LinkShortener: the text a post will
// publish on an account and its destinations with their short links.
func (l *Linker) PreviewLinks(p *relais.Post, a *relais.Account, text string) (string, []approval.ShortLink) {
	out, pairs := l.Shorten(ScopeForAccount(p, a), text)
	links := make([]approval.ShortLink, len(pairs))
	for i, pr := range pairs {
		links[i] = approval.ShortLink{URL: pr.URL, Short: pr.Short}
	}
	return out, links
}
