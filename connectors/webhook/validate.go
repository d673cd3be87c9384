package webhook

import "github.com/relais/relais/connectors"

// Validate implements connectors.Connector: text must not be empty and
// media are not sent (links only). Each kind's length limit (Discord
// 2,000, Mattermost 16,383, Slack 40,000 characters) is checked by Publish,
// which knows the account's kind.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	return connectors.TextOnly(d, connectors.Blank(d), "webhooks carry text only; link to the media instead")
}
