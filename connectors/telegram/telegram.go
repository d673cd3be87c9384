// Package telegram publishes messages to a Telegram channel or group with
// the Bot API's sendMessage, in HTML parse mode.
//
// The Bot API has no idempotency key and no way to find a message by one:
// Lookup reports found=false, and a request that may have reached Telegram
// (timeout, 5xx) is connectors.OutcomeUnknown. The bot token is part of
// every request URL, so errors never include the URL.
package telegram

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/httpc"
)

// DefaultBaseURL is the Bot API host.
const DefaultBaseURL = "https://api.telegram.org"

// Credential keys: the bot token, and optionally the chat id (else the
// account's handle, "@channel" or a numeric id, is the chat).
const (
	CredBotToken = "bot_token"
	CredChatID   = "chat_id"
)

// Client publishes to Telegram. It is safe for concurrent use.
type Client struct {
	api *httpc.Client
}

// New returns a client sending requests with httpClient (its Timeout bounds
// each call) to baseURL, or DefaultBaseURL when empty. An account's BaseURL
// overrides both.
func New(httpClient *http.Client, baseURL string) *Client {
	cfg := httpc.Config{Platform: "telegram", BaseURL: cmp.Or(baseURL, DefaultBaseURL), MaxBody: 1 << 20, Rules: rules}
	return &Client{api: httpc.New(httpClient, cfg)}
}

// Platform implements connectors.Connector.
func (c *Client) Platform() relais.Platform { return relais.PlatformTelegram }

func (c *Client) endpoint(a relais.Account, method string) (string, error) {
	tok := a.Credentials[CredBotToken]
	if tok == "" {
		return "", &connectors.Error{Platform: "telegram", Class: connectors.AuthExpired,
			Err: fmt.Errorf("telegram: account %d has no bot token: reconnect it", a.ID)}
	}
	return c.api.Base(a) + "/bot" + tok + "/" + method, nil
}

func chatID(a relais.Account) string {
	if id := a.Credentials[CredChatID]; id != "" {
		return id
	}
	return strings.TrimSpace(a.Handle)
}

// escape makes text safe in HTML parse mode: Telegram wants only &, < and
// > escaped, and everything else as is.
var escape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
