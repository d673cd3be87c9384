package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/relais/relais"
	"github.com/relais/relais/config"
)

// Exit codes: each kind of failure has its own, so that scripts tell a
// typo from a missing object from a database that is down.
const (
	exitOK       = 0
	exitInternal = 1 // database, I/O, anything unexpected
	exitUsage    = 2 // unknown command or flag
	exitInvalid  = 3 // EINVALID and the like: bad input, nothing written
	exitNotFound = 4 // ENOTFOUND: no such member, account...
	exitDenied   = 5 // EFORBIDDEN, EUNAUTHORIZED
	exitConflict = 6 // ECONFLICT, ERATELIMIT: wrong state, try later
	exitConfig   = 7 // the environment is invalid (every problem listed)
)

// usageError is a command line the program does not understand.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usageErrorf returns a usageError.
func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// parseFlags parses args, reporting a bad flag as a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	return nil
}

// option is one string flag of a command: its name, its usage and the
// variable it sets.
type option struct {
	name, usage string
	to          *string
}

// stringOptions declares opts on fs, each defaulting to "".
func stringOptions(fs *flag.FlagSet, opts ...option) {
	for _, o := range opts {
		fs.StringVar(o.to, o.name, "", o.usage)
	}
}

// exitCode returns the process exit code for err.
func exitCode(err error) int {
	var u usageError
	var p *config.Problems
	if err == nil {
		return exitOK
	} else if errors.As(err, &p) {
		return exitConfig
	} else if errors.Is(err, errTextInvalid) {
		return exitInvalid
	} else if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return exitUsage
	}
	switch relais.ErrorCode(err) {
	case relais.EINVALID, relais.ETOOLARGE, relais.EBLOCKED, relais.EBLACKOUT:
		return exitInvalid
	case relais.ENOTFOUND:
		return exitNotFound
	case relais.EFORBIDDEN, relais.EUNAUTHORIZED:
		return exitDenied
	case relais.ECONFLICT, relais.ERATELIMIT:
		return exitConflict
	}
	return exitInternal
}
