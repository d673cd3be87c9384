-- The texts a post had before each edit made after it was submitted, so
-- that an approver sees what changed since she last read it (word diff).
CREATE TABLE post_revisions (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at {{TIME}} NOT NULL
);
CREATE INDEX post_revisions_post_idx ON post_revisions(post_id, id);

-- Each post's language (fr, en), detected or chosen in compose; it tags
-- the publication (Mastodon language, Bluesky langs).
ALTER TABLE posts ADD COLUMN lang TEXT NOT NULL DEFAULT '';
