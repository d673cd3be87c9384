-- Idempotency keys of posts captured from a phone (the Terrain screen):
-- a phone that resends a queued capture gets the post created the first
-- time. post_id is NULL while the first request is being processed.
CREATE TABLE capture_keys (
    member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    post_id BIGINT REFERENCES posts(id) ON DELETE CASCADE,
    created_at {{TIME}} NOT NULL,
    PRIMARY KEY (member_id, idem_key)
);
CREATE INDEX capture_keys_created_idx ON capture_keys(created_at);
