package telegram

import "github.com/relais/relais/connectors"

// MetricsUnavailable implements connectors.MetricsUnavailable: a bot
// cannot read its channel posts' views or reactions.
//
// The Bot API (https://core.telegram.org/bots/api) has no method returning
// a sent message, and its Message object
// (https://core.telegram.org/bots/api#message) carries no view count.
// Reaction counts only reach a bot as pushed updates
// (https://core.telegram.org/bots/api#messagereactioncountupdated: the bot
// must be an administrator and subscribe to "message_reaction_count" in
// getUpdates or a webhook), which relais, publishing only, does not
// receive. The view counter exists in the MTProto API
// (https://core.telegram.org/method/messages.getMessagesViews), whose page
// says "Only users can use this method": not a bot token.
func (c *Client) MetricsUnavailable() string {
	return "the Telegram Bot API gives a bot no view, reaction or share count of its channel posts"
}

var _ connectors.MetricsUnavailable = (*Client)(nil)
