-- Scheduling: recurring posts, queue slots, share-kit notifications.
CREATE TABLE recurrences (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    spec TEXT NOT NULL,
    tz TEXT NOT NULL,
    active {{BOOL}} NOT NULL DEFAULT TRUE,
    next_at {{TIME}},
    created_by BIGINT NOT NULL REFERENCES members(id),
    created_at {{TIME}} NOT NULL
);

-- One row per fired time of a recurrence: re-running its job is a no-op.
CREATE TABLE recurrence_runs (
    recurrence_id BIGINT NOT NULL REFERENCES recurrences(id) ON DELETE CASCADE,
    at {{TIME}} NOT NULL,
    post_id BIGINT,
    outcome TEXT NOT NULL,
    PRIMARY KEY (recurrence_id, at)
);

CREATE TABLE queue_slots (
    id {{ID}},
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL,
    at_time TEXT NOT NULL,
    tz TEXT NOT NULL,
    UNIQUE (account_id, weekday, at_time)
);

ALTER TABLE suggestions ADD COLUMN notified_at {{TIME}};
CREATE INDEX posts_scheduled_idx ON posts(scheduled_at);
CREATE INDEX supporters_district_idx ON supporters(district);
CREATE INDEX members_role_idx ON members(role, district);
