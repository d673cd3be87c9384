-- The colistier's post a post quotes (issue 17, relaying): embedded where
-- the platform has quotes (Bluesky app.bsky.embed.record with the record's
-- CID, X quote_tweet_id), linked elsewhere.
CREATE TABLE post_quotes (
    post_id BIGINT PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    uri TEXT NOT NULL,
    cid TEXT NOT NULL DEFAULT '',
    remote_id TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT ''
);
