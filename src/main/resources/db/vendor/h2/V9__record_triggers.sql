-- Full-process record (ADR-0009): on H2 nothing here. PostgreSQL refuses UPDATE and DELETE on the
-- record tables with triggers (db/vendor/postgresql/V9__record_triggers.sql); on both databases
-- the verifier detects changed, removed or reordered records. This file keeps versions aligned.
SELECT 1;
