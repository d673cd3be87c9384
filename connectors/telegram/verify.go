package telegram

import (
	"context"
	"net/url"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/httpc"
)

// Verify implements connectors.Verifier with getChat
// (core.telegram.org/bots/api#getchat): the bot token must be valid and
// the bot must see the channel it will post to.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	u, err := c.endpoint(a, "getChat")
	if err != nil {
		return err
	}
	var chat struct {
		ID int64 `json:"id"`
	}
	return c.call(ctx, httpc.Request{URL: u + "?" + url.Values{"chat_id": {chatID(a)}}.Encode(), Op: "get chat"}, &chat)
}
