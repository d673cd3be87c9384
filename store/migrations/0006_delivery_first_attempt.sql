-- When a delivery was first sent: a platform remembers an idempotency key
-- only so long (Mastodon: one hour), after which a retry could duplicate.
ALTER TABLE deliveries ADD COLUMN first_attempt_at {{TIME}};
