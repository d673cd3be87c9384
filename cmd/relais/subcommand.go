package main

import (
	"context"
	"flag"
	"io"
	"strings"

	"github.com/relais/relais/config"
)

// cmdIO is a command's standard streams.
type cmdIO struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// verbFunc runs one verb of a command group with its flag set (the
// environment flags already on it); args[0] is the verb, its own
// arguments follow.
type verbFunc func(ctx context.Context, fs *flag.FlagSet, e *env, args []string, o cmdIO) error

// verb is one `relais GROUP VERB`.
type verb struct {
	name string
	run  verbFunc
}

// group is a command made of verbs, such as `relais account add|list`.
type group struct {
	name  string
	usage string // shown without a verb
	verbs []verb
}

// run dispatches args[0] to its verb; no verb or an unknown one is a
// usage error naming the verbs.
func (g group) run(ctx context.Context, cfg *config.Config, args []string, o cmdIO) error {
	if len(args) == 0 {
		return usageErrorf("%s", g.usage)
	}
	names := make([]string, len(g.verbs))
	for i, v := range g.verbs {
		if v.name == args[0] {
			e, fs := envFlagSet(cfg, g.name+" "+args[0], o.stderr)
			return v.run(ctx, fs, e, args, o)
		}
		names[i] = v.name
	}
	return usageErrorf("unknown %s command %q (%s)", g.name, args[0], strings.Join(names, ", "))
}
