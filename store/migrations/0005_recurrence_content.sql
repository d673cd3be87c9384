-- A recurrence repeats the content that was approved when it was created:
-- its hash (without the time) is kept, and a changed template stops it.
ALTER TABLE recurrences ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
