-- 当事人住所（地址）: named in every decision (行政处罚法 arts. 52, 59: 当事人的姓名或者名称、地址) and the default
-- place of service (送达地点). Cases registered before this column have none (NULL); new ones require it.
ALTER TABLE zf_case ADD COLUMN party_address VARCHAR(300);
