-- Replicas (issue 18). On PostgreSQL, audit entries are appended to
-- audit_pending without a lock and chained into audit_log by one writer at
-- a time; live events are kept in live_events for catch-up by sequence;
-- login failures are counted in the database (shared, survive restarts);
-- a delivery records which replica holds it and since when.
CREATE TABLE audit_pending (
    id {{ID}},
    at {{TIME}} NOT NULL,
    actor_id BIGINT NOT NULL DEFAULT 0,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    post_id BIGINT NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);

CREATE TABLE live_events (
    seq {{ID}},
    at {{TIME}} NOT NULL,
    origin TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX live_events_at_idx ON live_events(at);

CREATE TABLE login_failures (
    id {{ID}},
    scope TEXT NOT NULL,
    at {{TIME}} NOT NULL
);
CREATE INDEX login_failures_scope_idx ON login_failures(scope, at);

ALTER TABLE deliveries ADD COLUMN held_by TEXT NOT NULL DEFAULT '';
ALTER TABLE deliveries ADD COLUMN held_since {{TIME}};
