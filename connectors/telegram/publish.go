package telegram

import (
	"context"
	"net/http"
	"strconv"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
	"github.com/relais/relais/connectors/textlen"
)

type sendMessage struct {
	ChatID    string `json:"chat_id"`
	Text      string `json:"text"`
	ParseMode string `json:"parse_mode"`
}

type message struct {
	MessageID int64 `json:"message_id"`
	Chat      struct {
		ID       int64  `json:"id"`
		Username string `json:"username"`
	} `json:"chat"`
}

// Publish implements connectors.Connector. It validates d first and sends
// nothing when it has problems (Permanent). key is not sent: the Bot API
// has none.
func (c *Client) Publish(ctx context.Context, a relais.Account, d connectors.Draft, key string) (connectors.Receipt, error) {
	if err := connectors.ProblemsError("telegram", c.Validate(d)); err != nil {
		return connectors.Receipt{}, err
	}
	url, err := c.endpoint(a, "sendMessage")
	if err != nil {
		return connectors.Receipt{}, err
	}
	var m message
	err = c.call(ctx, httpc.Request{Method: http.MethodPost, URL: url, Op: "send message", Creates: true,
		JSON: sendMessage{ChatID: chatID(a), Text: escape(d.Text), ParseMode: "HTML"}}, &m)
	if err != nil {
		return connectors.Receipt{}, err
	}
	return receipt(m), nil
}

func receipt(m message) connectors.Receipt {
	id := strconv.FormatInt(m.MessageID, 10)
	rc := connectors.Receipt{RemoteID: strconv.FormatInt(m.Chat.ID, 10) + "/" + id}
	if m.Chat.Username != "" {
		rc.URL = "https://t.me/" + m.Chat.Username + "/" + id
	}
	return rc
}

// Lookup implements connectors.Connector. The Bot API cannot find a message
// by key: found is always false and an unclear delivery needs a human.
func (c *Client) Lookup(ctx context.Context, a relais.Account, key string) (connectors.Receipt, bool, error) {
	return connectors.Receipt{}, false, nil
}

// Validate implements connectors.Connector: 4,096 characters (UTF-16 code
// units, counted before HTML escaping, as Telegram counts after parsing).
// Media are not supported by this connector yet.
func (c *Client) Validate(d connectors.Draft) []connectors.Problem {
	probs := connectors.TextProblems("telegram", d.Text, textlen.Options{})
	return connectors.TextOnly(d, probs, "the Telegram connector sends text only; remove the media or post them by hand")
}
