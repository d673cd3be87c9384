package telegram

import (
	"context"
	"encoding/json"
	"time"

	"github.com/relais/relais/connectors/httpc"
)

// answer is the Bot API envelope.
type answer struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

func envelope(body []byte) answer {
	var an answer
	_ = json.Unmarshal(body, &an)
	return an
}

// rules are the Bot API's specifics on top of httpc's classification (429
// rate limited, 401 token revoked, 5xx may have been delivered, 403 bot
// removed from the chat and 400 permanent): the message is the envelope's
// description, and a 429 waits its retry_after seconds.
var rules = httpc.Rules{
	Message: func(body []byte) string { return envelope(body).Description },
	RetryAt: func(ans httpc.Answer) time.Time {
		return time.Now().Add(time.Duration(max(envelope(ans.Body).Parameters.RetryAfter, 1)) * time.Second).UTC()
	},
}

// call sends r and decodes the result of an ok answer into out; an
// answer that is not ok is classified by its status.
func (c *Client) call(ctx context.Context, r httpc.Request, out any) error {
	var an answer
	ans, err := c.api.Do(ctx, r, &an)
	if err != nil {
		return err
	} else if !an.OK {
		return c.api.Classify(r.Op, r.Creates, ans)
	}
	if err := json.Unmarshal(an.Result, out); err != nil {
		return c.api.BadAnswer(r.Op, r.Creates, ans.Status, err)
	}
	return nil
}
