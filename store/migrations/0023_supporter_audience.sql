-- The share-kit audience query (consenting, mobilised, active supporters
-- of some districts, by ID) reads this index alone: the consent date and
-- the ID are in it, so no table row is visited per supporter at fan-out.
-- It replaces supporters_mobilised_idx, its prefix.
CREATE INDEX supporters_audience_idx ON supporters(mobilised, status, district, consent_at, id);
DROP INDEX supporters_mobilised_idx;
