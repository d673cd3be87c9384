package analytics

import "time"

// NewTestLinker returns a linker with a fixed key, for tests without a store.
func NewTestLinker(base string) *Linker { return &Linker{base: base, key: []byte("test key")} }

// MailText is mailText, for tests.
var MailText = mailText

// SetClicksNow sets the clock of a click counter.
func SetClicksNow(c *Clicks, now func() time.Time) { c.now = now }
