-- Security hardening (issue 11).
-- post_contributors is the authoritative record of who wrote or edited a
-- post's words: the approval rule "nobody approves words they wrote" reads
-- it instead of scanning the audit log. Rows are written in the same
-- transaction as each create and edit; existing posts are backfilled from
-- their authors and the audit log's post.create / post.edit entries.
CREATE TABLE post_contributors (
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (post_id, member_id)
);
INSERT INTO post_contributors (post_id, member_id)
SELECT c.post_id, c.member_id FROM (
    SELECT id AS post_id, author_id AS member_id FROM posts
    UNION
    SELECT post_id, actor_id AS member_id FROM audit_log
    WHERE action IN ('post.create', 'post.edit') AND actor_id <> 0
      AND post_id IN (SELECT id FROM posts)
) c;

-- A disabled member cannot sign in; her sessions and tokens are gone.
ALTER TABLE members ADD COLUMN disabled_at {{TIME}};
