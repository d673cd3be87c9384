-- Lifecycle (issue 13): an audit entry records the state changes of its
-- post made in its transaction ("event:from>to"), so that replaying the
-- log yields each post's state. Empty for older entries and for entries
-- that change no state; it enters the entry's hash only when set.
ALTER TABLE audit_log ADD COLUMN transition TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_pending ADD COLUMN transition TEXT NOT NULL DEFAULT '';
