package webhook

import (
	"context"
	"net/http"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors/httpc"
)

// Verify implements connectors.Verifier with one harmless read call: a GET
// to the webhook URL, which posts nothing. Slack answers a GET on an
// incoming webhook with 400 "invalid_payload" or 405, Discord with the
// webhook's JSON, Mattermost with 405: any answer below 500 other than 401,
// 403 and 404 proves the URL reaches a live webhook. The URL went through
// the outbound checks when typed (connectors.CheckAccountURLs), and the
// client's dialler refuses private addresses unless allowed.
func (c *Client) Verify(ctx context.Context, a relais.Account) error {
	u, _, err := target(a)
	if err != nil {
		return err
	}
	ans, err := c.api.Do(ctx, httpc.Request{Method: http.MethodGet, URL: u, Op: "check webhook"}, nil)
	if err == nil || ans.Status == 0 {
		return err
	}
	switch ans.Status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusGone:
		return err
	}
	if ans.Status >= 500 {
		return err
	}
	return nil
}
