-- Supporters (issue 16): contacts imported with their origin and consent,
-- a mobilisation flag and segments, share kits by e-mail sent exactly once
-- (the suggestion row records the Message-ID and the sending state), one-
-- click unsubscribe, erasure leaving only a salted hash of the address.
ALTER TABLE supporters ADD COLUMN first_name TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN last_name TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN interests TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN consent_at {{TIME}};
ALTER TABLE supporters ADD COLUMN consent_source TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN consent_version TEXT NOT NULL DEFAULT '';
ALTER TABLE supporters ADD COLUMN mobilised {{BOOL}} NOT NULL DEFAULT FALSE;
ALTER TABLE supporters ADD COLUMN kit_mode TEXT NOT NULL DEFAULT 'each';
ALTER TABLE supporters ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr';
ALTER TABLE supporters ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE supporters ADD COLUMN token TEXT;
ALTER TABLE supporters ADD COLUMN created_at {{TIME}};
ALTER TABLE supporters ADD COLUMN updated_at {{TIME}};
ALTER TABLE supporters ADD COLUMN active_at {{TIME}};
CREATE UNIQUE INDEX supporters_token_idx ON supporters(token);
CREATE INDEX supporters_mobilised_idx ON supporters(mobilised, status, district);

-- The consent texts shown to people, by version; a consent names the one
-- it was given on.
CREATE TABLE consent_texts (
    version TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    created_at {{TIME}} NOT NULL
);
INSERT INTO consent_texts (version, text, created_at) VALUES ('2026-01', 'J''accepte que la campagne conserve mes coordonnées et mes centres d''intérêt pour m''envoyer des messages à partager et des informations de campagne. Je peux me désinscrire à tout moment en un clic.', '2026-01-01 00:00:00');

-- Every consent given or withdrawn (unsubscribe), kept while the contact is.
CREATE TABLE supporter_consents (
    id {{ID}},
    supporter_id BIGINT NOT NULL REFERENCES supporters(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    at {{TIME}} NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    version TEXT NOT NULL DEFAULT '',
    recorded_at {{TIME}} NOT NULL,
    UNIQUE (supporter_id, action, at, source)
);

-- Addresses whose owners opposed (erasure, unsubscribe): a salted SHA-256
-- only, so that a later import is refused without keeping the address.
CREATE TABLE supporter_suppressions (
    hash TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    created_at {{TIME}} NOT NULL
);
CREATE TABLE supporter_salt (
    id INTEGER PRIMARY KEY,
    salt TEXT NOT NULL
);

-- Share kits by e-mail: '' (to send), claimed (Message-ID recorded, not yet
-- handed over), handed (recorded just before the final "." of DATA: never
-- sent again), sent, failed, invalid (permanent refusal), skipped.
ALTER TABLE suggestions ADD COLUMN mail_state TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN claim TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN claimed_at {{TIME}};
ALTER TABLE suggestions ADD COLUMN sent_at {{TIME}};
CREATE INDEX suggestions_supporter_idx ON suggestions(supporter_id);
