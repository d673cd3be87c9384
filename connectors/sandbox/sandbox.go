// Package sandbox is a connector that publishes nowhere: it records each
// post in a local append-only journal so that relais works end to end on a
// fresh machine without credentials. It is the demo's default platform.
package sandbox

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// MaxChars is the sandbox's text limit, in characters.
const MaxChars = 5000

// Entry is one recorded publication.
type Entry struct {
	ID        string    `json:"id"`
	Key       string    `json:"key"`
	AccountID int64     `json:"account_id"`
	Handle    string    `json:"handle"`
	Text      string    `json:"text"`
	Media     []string  `json:"media,omitempty"` // file names, in order
	Lang      string    `json:"lang,omitempty"`  // the language the post is tagged with
	At        time.Time `json:"at"`
}

// Connector records posts in a JSON-lines journal (or only in memory when
// the path is empty). Publishing twice with one key returns the first
// receipt, like a platform that honours idempotency keys.
type Connector struct {
	mu      sync.Mutex
	path    string
	baseURL string
	byKey   map[string]Entry
	order   []Entry
	clock   func() time.Time // metrics' clock; nil for time.Now
}

// New opens the journal at path, loading what it already holds. baseURL is
// where receipts point (the dashboard serves /sandbox/{id}).
func New(path, baseURL string) (*Connector, error) {
	c := &Connector{path: path, baseURL: baseURL, byKey: make(map[string]Entry)}
	if path == "" {
		return c, nil
	}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return c, nil
	} else if err != nil {
		return nil, fmt.Errorf("sandbox: unable to open journal: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil {
			c.byKey[e.Key] = e
			c.order = append(c.order, e)
		}
	}
	return c, sc.Err()
}

// Platform implements connectors.Connector.
func (c *Connector) Platform() relais.Platform { return relais.PlatformSandbox }

// Validate implements connectors.Connector.
func (c *Connector) Validate(d connectors.Draft) []connectors.Problem {
	if n := utf8.RuneCountInString(d.Text); n > MaxChars {
		return []connectors.Problem{{Field: "text", Code: "too_long",
			Message: fmt.Sprintf("text is %d characters, the limit is %d", n, MaxChars)}}
	} else if n == 0 {
		return []connectors.Problem{{Field: "text", Code: "empty", Message: "text is empty"}}
	}
	return nil
}

// Publish implements connectors.Connector.
func (c *Connector) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		return c.receipt(e), nil
	}
	e := Entry{ID: strconv.Itoa(len(c.order) + 1), Key: key, AccountID: a.ID, Handle: a.Handle, Text: d.Text, Lang: d.Language, At: time.Now().UTC()}
	for _, m := range d.Media {
		e.Media = append(e.Media, m.Filename)
	}
	if err := c.append(e); err != nil {
		return connectors.Receipt{}, &connectors.Error{Class: connectors.Retryable, Platform: "sandbox", Err: err}
	}
	c.byKey[key] = e
	c.order = append(c.order, e)
	return c.receipt(e), nil
}

// Lookup implements connectors.Connector.
func (c *Connector) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return connectors.Receipt{}, false, nil
	}
	return c.receipt(e), true, nil
}

// Entries returns the recorded publications, oldest first.
func (c *Connector) Entries() []Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Entry(nil), c.order...)
}

func (c *Connector) receipt(e Entry) connectors.Receipt {
	return connectors.Receipt{RemoteID: e.ID, URL: c.baseURL + "/sandbox/" + e.ID}
}

func (c *Connector) append(e Entry) error {
	if c.path == "" {
		return nil
	}
	f, err := os.OpenFile(c.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(e)
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// HonoursIdempotencyKey implements connectors.Idempotent: publishing again
// with a key returns the first receipt.
func (c *Connector) HonoursIdempotencyKey() bool { return true }
