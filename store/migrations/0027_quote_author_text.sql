-- The quoted post's author and text (issue 17, relaying), kept when the
-- quote is written so that the compose and approval previews draw the
-- quoted post as the platform embeds it. Display only: the content hash
-- covers the quoted post's URI, CID and id.
ALTER TABLE post_quotes ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE post_quotes ADD COLUMN quoted_text TEXT NOT NULL DEFAULT '';
