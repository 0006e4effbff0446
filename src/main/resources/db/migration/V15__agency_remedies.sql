-- Where a party challenges an agency's decision (行政处罚法 art. 59(5), 行政强制法 art. 24(2)(五)): the decision
-- names the administrative reconsideration body (行政复议法 art. 24, 60 days: art. 20) and the people's court
-- (行政诉讼法 arts. 18 and 46, 6 months). Kept per agency: each agency has its own. Portable SQL (H2, PostgreSQL).
ALTER TABLE zf_agency ADD COLUMN reconsideration_body VARCHAR(200);
ALTER TABLE zf_agency ADD COLUMN litigation_court VARCHAR(200);
