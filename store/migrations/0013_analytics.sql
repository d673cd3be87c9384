-- Analytics (issue 15): tracked links and their daily click counts, the
-- per-account opt-out, the key tracked-link codes are derived with, and the
-- platform metrics collected after publication.
CREATE TABLE links (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    variant TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    channel_ref TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    created_at {{TIME}} NOT NULL
);
CREATE INDEX links_post_idx ON links(post_id);

-- One row per link and day (Europe/Paris): no visitor data at all.
CREATE TABLE link_clicks (
    link_id BIGINT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    clicks BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (link_id, day)
);
CREATE INDEX link_clicks_day_idx ON link_clicks(day, link_id, clicks);

CREATE TABLE link_optouts (
    account_id BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    created_at {{TIME}} NOT NULL
);

CREATE TABLE analytics_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Platform metrics: one row per delivery and collection step (+1h … +7d). A NULL count
-- is one the platform does not give (missing, not zero).
CREATE TABLE delivery_metrics (
    delivery_id BIGINT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
    step_hours INTEGER NOT NULL,
    at {{TIME}} NOT NULL,
    likes BIGINT,
    reposts BIGINT,
    replies BIGINT,
    quotes BIGINT,
    views BIGINT,
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (delivery_id, step_hours)
);

-- Paid platform calls per day (the X metrics budget).
CREATE TABLE metrics_budget (
    platform TEXT NOT NULL,
    day TEXT NOT NULL,
    calls BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, day)
);

-- The weekly report reads suggestions by the time they were offered.
CREATE INDEX suggestions_not_before_idx ON suggestions(not_before);

-- Organic A/B tests of share texts: each arm is a post of its own (approved
-- like any post) sent to its part of a district-stratified sample.
CREATE TABLE experiments (
    id {{ID}},
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    audience TEXT NOT NULL,
    sample_permille INTEGER NOT NULL,
    metric TEXT NOT NULL,
    decide_after_s BIGINT NOT NULL,
    state TEXT NOT NULL,
    started_at {{TIME}},
    winner INTEGER NOT NULL DEFAULT -1,
    p_value TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL REFERENCES members(id),
    created_at {{TIME}} NOT NULL
);
CREATE INDEX experiments_post_idx ON experiments(post_id);

CREATE TABLE experiment_arms (
    experiment_id BIGINT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    arm INTEGER NOT NULL,
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    sent {{BOOL}} NOT NULL DEFAULT FALSE,
    n BIGINT NOT NULL DEFAULT 0,
    successes BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (experiment_id, arm)
);
CREATE INDEX experiment_arms_post_idx ON experiment_arms(post_id);

CREATE TABLE experiment_recipients (
    experiment_id BIGINT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    arm INTEGER NOT NULL,
    member_id BIGINT NOT NULL DEFAULT 0,
    supporter_id BIGINT NOT NULL DEFAULT 0,
    district TEXT NOT NULL DEFAULT ''
);
CREATE INDEX experiment_recipients_idx ON experiment_recipients(experiment_id, arm);
