-- The one video a post may carry instead of images (issue 17): a complete
-- resumable upload, kept on disk under its id; the SHA-256 is what the
-- approval covers and what delivery checks again before sending.
CREATE TABLE post_videos (
    post_id BIGINT PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    upload_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
    alt_text TEXT NOT NULL DEFAULT '',
    thumbnail_id BIGINT REFERENCES media(id) ON DELETE SET NULL,
    thumbnail_sha256 TEXT NOT NULL DEFAULT ''
);
