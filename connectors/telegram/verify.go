package telegram

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/relais/relais"
)

// Verify implements connectors.Verifier with getChat
// (core.telegram.org/bots/api#getchat): the bot token must be valid and
// the bot must see the channel it will post to.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	u, err := c.endpoint(a, "getChat")
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u+"?"+url.Values{"chat_id": {chatID(a)}}.Encode(), nil)
	if err != nil {
		return fmt.Errorf("telegram: unable to build request: %w", err)
	}
	var chat struct {
		ID int64 `json:"id"`
	}
	return c.do(req, &chat)
}
