package main

import (
	"time"

	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/connect"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/outbound"
	"github.com/relais/relais/ui"
)

// connectConfig lets the dashboard connect accounts: verification through
// the connectors' registry, X's OAuth with the campaign's app
// (RELAIS_X_CONSUMER_KEY/SECRET), Mastodon's on any instance. Their calls
// go through the outbound client, which refuses private addresses unless
// allowed.
func (m *Main) connectConfig(reg *connectors.Registry) *ui.ConnectConfig {
	hc := outbound.NewClient(outbound.Options{Timeout: 30 * time.Second, AllowPrivate: m.allowPrivateNetworks()})
	return &ui.ConnectConfig{
		Verify:               reg.Verify,
		X:                    &connect.X{HTTP: hc, ConsumerKey: m.cfg.XConsumerKey, ConsumerSecret: m.cfg.XConsumerSecret, BaseURL: m.XBaseURL},
		Mastodon:             &connect.Mastodon{HTTP: httpc.New(hc, httpc.Config{Platform: "mastodon"})},
		AllowPrivateNetworks: m.allowPrivateNetworks(),
		States:               connect.NewStates(0),
	}
}
