-- Approval workflow: threaded comments with mentions, invitations by
-- e-mail link, and an optional second approval step per account.
CREATE TABLE comments (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES comments(id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES members(id),
    body TEXT NOT NULL,
    mentions TEXT NOT NULL DEFAULT '[]',
    created_at {{TIME}} NOT NULL
);
CREATE INDEX comments_post_idx ON comments(post_id, id);

CREATE TABLE invitations (
    id {{ID}},
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    invited_by BIGINT NOT NULL REFERENCES members(id),
    created_at {{TIME}} NOT NULL,
    expires_at {{TIME}} NOT NULL,
    used_at {{TIME}}
);
CREATE INDEX invitations_email_idx ON invitations(email);

CREATE TABLE approval_steps (
    account_id BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    updated_at {{TIME}} NOT NULL
);
