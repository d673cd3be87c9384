-- Images attached to posts. Uploaded first (post_id NULL), attached when a
-- post is saved; position orders them.
CREATE TABLE media (
    id {{ID}},
    post_id BIGINT REFERENCES posts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    alt_text TEXT NOT NULL DEFAULT '',
    data {{BLOB}} NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES members(id),
    created_at {{TIME}} NOT NULL
);
CREATE INDEX media_post_idx ON media(post_id, position);
