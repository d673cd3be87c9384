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
