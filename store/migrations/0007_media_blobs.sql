-- Image bytes stored once by SHA-256: recurring posts and re-used images
-- share them. media.data stays for rows written before (new rows leave it
-- empty).
CREATE TABLE media_blobs (
    sha256 TEXT PRIMARY KEY,
    data {{BLOB}} NOT NULL
);
