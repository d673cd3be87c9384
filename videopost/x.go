package videopost

import (
	"context"

	"github.com/dghubble/oauth1"

	"github.com/relais/relais"
	"github.com/relais/relais/connectors"
	"github.com/relais/relais/connectors/videoup"
	xconn "github.com/relais/relais/connectors/x"
)

// x uploads the video with X's chunked media upload, signed with the
// account's OAuth 1.0a credentials, and posts it (POST /2/tweets).
// https://docs.x.com/x-api/posts/creation-of-a-post
func (pb *Publisher) x(ctx context.Context, a relais.Account, p Post, f videoup.File) (connectors.Receipt, error) {
	c, err := creds(a, xconn.CredConsumerKey, xconn.CredConsumerSecret, xconn.CredAccessToken, xconn.CredAccessTokenSecret)
	if err != nil {
		return connectors.Receipt{}, err
	}
	hc := oauth1.NewConfig(c[0], c[1]).Client(context.WithValue(ctx, oauth1.HTTPClient, pb.HTTP), oauth1.NewToken(c[2], c[3]))
	hc.Timeout = pb.HTTP.Timeout
	up := *pb.up()
	up.HTTP = hc
	api := base(a, pb.XAPI)
	id, err := up.X(ctx, api, f)
	if err != nil {
		return connectors.Receipt{}, err
	}
	var out struct {
		Data struct{ ID string } `json:"data"`
	}
	in := map[string]any{"text": p.Text, "media": map[string]any{"media_ids": []string{id}}}
	if p.Quote != nil {
		in["quote_tweet_id"] = p.Quote.ID
	}
	err = postJSON(ctx, hc, api+"/2/tweets", nil, in, &out)
	return connectors.Receipt{RemoteID: out.Data.ID, URL: "https://x.com/i/web/status/" + out.Data.ID}, err
}
