package main

import (
	"os"

	"github.com/relais/relais/connectors/outbound"
)

// The tests' platform fakes listen on 127.0.0.1, which relais refuses to
// call unless RELAIS_ALLOW_PRIVATE_NETWORKS=true (connectors/outbound);
// the servers and CLI runs of this package (subprocesses inherit it) get
// it unless the environment already says otherwise.
func init() {
	if _, ok := os.LookupEnv(outbound.EnvAllowPrivate); !ok {
		os.Setenv(outbound.EnvAllowPrivate, "true")
	}
}
