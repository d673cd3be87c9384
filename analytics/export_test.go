package analytics

// NewTestLinker returns a linker with a fixed key, for tests without a store.
func NewTestLinker(base string) *Linker { return &Linker{base: base, key: []byte("test key")} }

// MailText is mailText, for tests.
var MailText = mailText
