-- Initial schema. {{ID}}, {{TIME}}, {{BLOB}} and {{BOOL}} are replaced per dialect.
CREATE TABLE members (
    id {{ID}},
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'fr',
    password_hash TEXT NOT NULL DEFAULT '',
    created_at {{TIME}} NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL DEFAULT '',
    created_at {{TIME}} NOT NULL,
    expires_at {{TIME}} NOT NULL
);
CREATE INDEX sessions_member_idx ON sessions(member_id);

CREATE TABLE api_tokens (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at {{TIME}} NOT NULL,
    revoked_at {{TIME}}
);

CREATE TABLE accounts (
    id {{ID}},
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    owner_kind TEXT NOT NULL,
    owner_member_id BIGINT REFERENCES members(id) ON DELETE SET NULL,
    district TEXT NOT NULL DEFAULT '',
    base_url TEXT NOT NULL DEFAULT '',
    tone_profile TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    credentials {{BLOB}},
    created_at {{TIME}} NOT NULL,
    UNIQUE (platform, handle)
);

CREATE TABLE posts (
    id {{ID}},
    author_id BIGINT NOT NULL REFERENCES members(id),
    text TEXT NOT NULL,
    variants TEXT NOT NULL DEFAULT '{}',
    scheduled_at {{TIME}},
    sensitive {{BOOL}} NOT NULL DEFAULT FALSE,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    tone TEXT NOT NULL DEFAULT '{}',
    routing TEXT NOT NULL DEFAULT '{}',
    created_at {{TIME}} NOT NULL,
    updated_at {{TIME}} NOT NULL
);
CREATE INDEX posts_state_idx ON posts(state);

CREATE TABLE post_targets (
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (post_id, account_id)
);

CREATE TABLE approvals (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    member_id BIGINT NOT NULL REFERENCES members(id),
    decision TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at {{TIME}} NOT NULL
);
CREATE INDEX approvals_post_idx ON approvals(post_id);

CREATE TABLE deliveries (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id),
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    published_at {{TIME}},
    updated_at {{TIME}} NOT NULL,
    UNIQUE (post_id, account_id)
);
CREATE INDEX deliveries_state_idx ON deliveries(state);

CREATE TABLE supporters (
    id {{ID}},
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT ''
);

CREATE TABLE suggestions (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    member_id BIGINT REFERENCES members(id) ON DELETE CASCADE,
    supporter_id BIGINT REFERENCES supporters(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    not_before {{TIME}} NOT NULL,
    created_at {{TIME}} NOT NULL
);
CREATE INDEX suggestions_member_idx ON suggestions(member_id, state);
CREATE INDEX suggestions_post_idx ON suggestions(post_id);

CREATE TABLE audit_log (
    id {{ID}},
    at {{TIME}} NOT NULL,
    actor_id BIGINT NOT NULL DEFAULT 0,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    post_id BIGINT NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_post_idx ON audit_log(post_id);

CREATE TABLE election_rounds (
    id {{ID}},
    name TEXT NOT NULL,
    day TEXT NOT NULL,
    polls_close TEXT NOT NULL DEFAULT '20:00',
    UNIQUE (day)
);
