-- R-REV-6 (ADR-0070): when the review office revises its opinion in the negotiation, the reasons and main points of
-- the revision as its legal reviewer recorded them; the revised written opinion itself is the next round's.
ALTER TABLE zf_review_disagreement ADD COLUMN revised_opinion VARCHAR(4000);
