-- Labelled tone examples learnt from the campaign's own decisions: a
-- rejection or request for changes that names a tone rule, or an admin
-- override (label ok). Opponents' and own-team names are replaced by role
-- placeholders before the text is stored.
CREATE TABLE tone_examples (
    id {{ID}},
    post_id BIGINT REFERENCES posts(id) ON DELETE SET NULL,
    member_id BIGINT NOT NULL REFERENCES members(id),
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at {{TIME}} NOT NULL
);
CREATE INDEX tone_examples_created_idx ON tone_examples(created_at);
