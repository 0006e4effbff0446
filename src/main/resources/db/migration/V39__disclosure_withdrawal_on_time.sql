-- R-DISC-5 (行政处罚法 art. 48, ADR-0072): the day the published decision was revoked, confirmed illegal or void,
-- changed or ordered re-made, from which its withdrawal's 3 working days run, and whether it was withdrawn in time.
-- Withdrawals before this rule have neither.
ALTER TABLE zf_disclosure ADD COLUMN revoked_on DATE;
ALTER TABLE zf_disclosure ADD COLUMN withdrawn_on_time BOOLEAN;
