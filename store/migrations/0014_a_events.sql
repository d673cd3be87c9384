-- Field events (meetings, market tours, hackathons...), the drafts
-- generated for each (announce, live, recap) and the RSVPs of public ones.
CREATE TABLE field_events (
    id {{ID}},
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_at {{TIME}} NOT NULL,
    ends_at {{TIME}} NOT NULL,
    place TEXT NOT NULL,
    district TEXT NOT NULL,
    public {{BOOL}} NOT NULL DEFAULT FALSE,
    created_by BIGINT NOT NULL REFERENCES members(id),
    created_at {{TIME}} NOT NULL
);
CREATE INDEX field_events_starts_idx ON field_events(starts_at);

CREATE TABLE field_event_posts (
    event_id BIGINT NOT NULL REFERENCES field_events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, role)
);

CREATE TABLE field_event_rsvps (
    id {{ID}},
    event_id BIGINT NOT NULL REFERENCES field_events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    created_at {{TIME}} NOT NULL,
    UNIQUE (event_id, email)
);
CREATE INDEX field_event_rsvps_created_idx ON field_event_rsvps(created_at);
