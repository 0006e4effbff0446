-- Issue 16 ("Letter of the law"), points 14 and 16. Portable SQL: runs on H2 and PostgreSQL.

-- R-DISC-6: the general office (党政办) AND the justice office (司法所) review before publication.
ALTER TABLE zf_disclosure ADD COLUMN justice_reviewed_by VARCHAR(64);

-- R-REV-9 (行政处罚法 art. 58(2)): who may do legal review for the first time. A reviewer holds the national
-- legal professional qualification (法律职业资格, certificate number), or was already doing legal review
-- before the requirement took effect (reviewing_since, the date of their first legal review).
ALTER TABLE zf_officer ADD COLUMN legal_qualification_no VARCHAR(64);
ALTER TABLE zf_officer ADD COLUMN reviewing_since DATE;

-- R-REV-8: public lawyers / legal advisers taking part in a review round, and whether their opinion was adopted.
ALTER TABLE zf_review_round ADD COLUMN counsel_kind VARCHAR(32);
ALTER TABLE zf_review_round ADD COLUMN counsel_name VARCHAR(100);
ALTER TABLE zf_review_round ADD COLUMN counsel_opinion VARCHAR(2000);
ALTER TABLE zf_review_round ADD COLUMN counsel_adoption VARCHAR(32);              -- ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED
ALTER TABLE zf_review_round ADD COLUMN counsel_not_adopted_reason VARCHAR(2000);
