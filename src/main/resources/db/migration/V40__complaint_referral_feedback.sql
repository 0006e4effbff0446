-- Seed 002 (十五)二: the agency that referred a complaint on Zhifa gets the result back (投诉举报办理结果反馈).
ALTER TABLE zf_complaint ADD COLUMN referred_by_agency_code VARCHAR(32);
