-- Web Push: the server's VAPID key pair (the private key sealed with the
-- secret key) and each member's browser subscriptions.
CREATE TABLE push_vapid (
    id INTEGER PRIMARY KEY,
    public_key TEXT NOT NULL,
    private_key {{BLOB}} NOT NULL,
    created_at {{TIME}} NOT NULL
);

CREATE TABLE push_subscriptions (
    id {{ID}},
    member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at {{TIME}} NOT NULL
);
CREATE INDEX push_subscriptions_member_idx ON push_subscriptions(member_id);
