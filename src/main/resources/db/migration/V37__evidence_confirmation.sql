-- R-COORD-7 (当事人证据确认制度, seed 002 (十三)): how the party's confirmation of a piece of evidence was obtained — the
-- short name of the way (evidence/confirmation.yml, e.g. 签名确认) and its meaning as the file gave it when the evidence
-- was recorded. Evidence recorded before this rule has neither.
ALTER TABLE zf_evidence ADD COLUMN confirmation VARCHAR(16);
ALTER TABLE zf_evidence ADD COLUMN confirmation_detail VARCHAR(500);
