package connectors

import (
	"context"
	"time"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/textlen"
)

// CountingPlatform is the counting of a platform's published rules, used
// when the account's server has no rules of its own or cannot be asked.
const CountingPlatform = "platform"

// TextCount is a text's length as one account's server counts it.
type TextCount struct {
	textlen.Result
	// Counting says how the length was counted: CountingPlatform, or a
	// connector's own mode (Mastodon-API servers: "mastodon", "runes",
	// "stricter").
	Counting string `json:"counting"`
}

// AccountCounter is implemented by connectors whose length rules depend
// on the account's server (a Mastodon-API instance's max_characters,
// characters_reserved_per_url and software).
type AccountCounter interface {
	CountFor(ctx context.Context, a relais.Account, text string) (TextCount, error)
}

// AccountCountTimeout bounds the platform calls of CountFor: the compose
// page counts as the author types, and a server that does not answer in
// time is counted by its platform's rules (submit checks it again).
const AccountCountTimeout = 2 * time.Second

// CountFor measures text for account a as submit validation (ValidateFor)
// checks it: with the account's server's rules when c implements
// AccountCounter, else (sandboxed account, unreachable server, nil c) with
// the platform's published rules.
func CountFor(ctx context.Context, c Connector, a relais.Account, text string) TextCount {
	if ac, ok := c.(AccountCounter); ok && a.BaseURL != SandboxURL {
		ctx, cancel := context.WithTimeout(ctx, AccountCountTimeout)
		defer cancel()
		if n, err := ac.CountFor(ctx, a, text); err == nil {
			return n
		}
	}
	r, err := textlen.Count(string(a.Platform), text, textlen.Options{})
	if err != nil { // a platform without length rules (webhook, email)
		r = textlen.Result{Platform: string(a.Platform), Length: utf8.RuneCountInString(text), Valid: text != "", Problems: []string{}}
	}
	return TextCount{Result: r, Counting: CountingPlatform}
}
