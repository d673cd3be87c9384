package relais

// PostQuote is the colistier's post a post quotes (issue 17, relaying):
// the published post embeds it where the platform has quotes (a Bluesky
// app.bsky.embed.record, an X quote_tweet_id) and links to it elsewhere.
// It is part of the content hash: an approval covers what is quoted.
type PostQuote struct {
	Platform Platform `json:"platform"`
	URI      string   `json:"uri"`           // at:// URI (Bluesky), post or status URL
	CID      string   `json:"cid,omitempty"` // Bluesky: the quoted record's CID
	ID       string   `json:"id,omitempty"`  // X post id, Mastodon status id
	URL      string   `json:"url"`           // a web link to the quoted post
	// Author (handle) and Text (plain) of the quoted post when it was
	// quoted, for the previews only: the hash covers what identifies it.
	Author string `json:"author,omitempty"`
	Text   string `json:"text,omitempty"`
}

// hashed is what of q the content hash covers.
func (q *PostQuote) hashed() []string {
	if q == nil {
		return nil
	}
	return []string{string(q.Platform), q.URI, q.CID, q.ID}
}

// QuoteFor returns the quote the post carries to platform pl: nil when
// it quotes nothing or a post of another platform (a quote crosses no
// platforms: elsewhere the text's link stands for it).
func (p *Post) QuoteFor(pl Platform) *PostQuote {
	if p.Quote == nil || p.Quote.Platform != pl {
		return nil
	}
	return p.Quote
}
