package x

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
)

// OwnPostsMax is how many posts one read of an account's own timeline
// asks for: X bills reads per post returned under pay-per-use, so relais
// reads few (X's floor for max_results is 5).
const OwnPostsMax = 10

// OwnPost is one of an account's recent posts.
type OwnPost struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	CreatedAt time.Time `json:"created_at"`
}

// CredUserID optionally holds the account's numeric user id (GET
// /2/users/me's data.id); without it each read asks X first.
const CredUserID = "user_id"

// OwnPosts returns account a's latest posts, without replies or reposts
// (GET /2/users/:id/tweets?exclude=replies,retweets, at most
// OwnPostsMax), signed with a's own credentials.
// https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id
func (c *Client) OwnPosts(ctx context.Context, a relais.Account) ([]OwnPost, error) {
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return nil, err
	}
	id, err := c.userID(ctx, a)
	if err != nil {
		return nil, err
	}
	q := url.Values{"exclude": {"replies,retweets"}, "max_results": {strconv.Itoa(OwnPostsMax)}, "tweet.fields": {"created_at"}}
	var out struct {
		Data []OwnPost `json:"data"`
	}
	err = c.get(ctx, hc, c.base(a)+"/2/users/"+url.PathEscape(id)+"/tweets?"+q.Encode(), &out, "read posts")
	return out.Data, err
}

// Repost reposts post id from account a (POST /2/users/:id/retweets
// {"tweet_id"}, answered {"data":{"retweeted":true}}).
// https://docs.x.com/x-api/posts/retweet-post
func (c *Client) Repost(ctx context.Context, a relais.Account, id string) error {
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return err
	}
	me, err := c.userID(ctx, a)
	if err != nil {
		return err
	}
	var out struct {
		Data struct {
			Retweeted bool `json:"retweeted"`
		} `json:"data"`
	}
	err = c.post(ctx, hc, c.base(a)+"/2/users/"+url.PathEscape(me)+"/retweets", map[string]string{"tweet_id": id}, &out, "repost", true)
	if err == nil && !out.Data.Retweeted {
		return &connectors.Error{Class: connectors.Permanent, Platform: "x", Message: "x: the post was not reposted"}
	}
	return err
}

// userID returns a's numeric user id: its CredUserID, or GET /2/users/me.
// https://docs.x.com/x-api/users/user-lookup-me
func (c *Client) userID(ctx context.Context, a relais.Account) (string, error) {
	if id := a.Credentials[CredUserID]; id != "" {
		return id, nil
	}
	hc, err := c.signedClient(ctx, a)
	if err != nil {
		return "", err
	}
	var me struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := c.get(ctx, hc, c.base(a)+"/2/users/me", &me, "read account"); err != nil {
		return "", err
	} else if me.Data.ID == "" {
		return "", &connectors.Error{Class: connectors.Permanent, Platform: "x", Message: "x: /2/users/me gave no id"}
	}
	return me.Data.ID, nil
}
