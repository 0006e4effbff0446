-- Full-process record (R-REC-4 防删改, issue 13 §7, ADR-0009), PostgreSQL.
-- 1. One published head per period: the signed period label becomes the key (V13 added it).
--    Rows published daily before keep their day as label; filling it is the one update this
--    append-only table ever gets, with its trigger off for that statement.
ALTER TABLE zf_record_published_head DISABLE TRIGGER zf_record_published_head_no_update;
UPDATE zf_record_published_head SET period = to_char(head_date, 'YYYY-MM-DD') WHERE period IS NULL;
ALTER TABLE zf_record_published_head ENABLE TRIGGER zf_record_published_head_no_update;
ALTER TABLE zf_record_published_head ALTER COLUMN period SET NOT NULL;
ALTER TABLE zf_record_published_head DROP CONSTRAINT zf_record_published_head_pkey;
ALTER TABLE zf_record_published_head ADD CONSTRAINT zf_record_published_head_pkey PRIMARY KEY (period);

-- 2. Published case heads are append-only like the record (zf_record_refuse_change from V9).
CREATE TRIGGER zf_record_published_case_head_no_update BEFORE UPDATE OR DELETE ON zf_record_published_case_head
    FOR EACH ROW EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_record_published_case_head_no_truncate BEFORE TRUNCATE ON zf_record_published_case_head
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();

-- 3. The heads of the chains only move forward: a case head starts at entry 0, then takes strictly
--    higher sequence numbers (RecordService.append); it keeps its case, and its agency once set
--    (filled in once when the first entries had none). The global head is the single row V8
--    inserted, moving forward only. Neither is deleted or truncated. Winding a head back — to hide
--    entries removed from the end of a chain and have the next append reuse their numbers — needs
--    the triggers disabled (table owner or superuser); entries already published are then still
--    missed by the verifier (RecordVerifier) and never renumbered (RecordService).
CREATE OR REPLACE FUNCTION zf_record_case_head_forward() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '全过程记录链头不可删除 (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.last_seq <> 0 OR NEW.last_hash <> repeat('0', 64) THEN
            RAISE EXCEPTION '全过程记录链头须从第 0 条开始 (% on %)', TG_OP, TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.case_no <> OLD.case_no
            OR (OLD.agency_code IS NOT NULL AND NEW.agency_code IS DISTINCT FROM OLD.agency_code) THEN
        RAISE EXCEPTION '全过程记录链头的案件和机构不可修改 (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.last_seq = OLD.last_seq AND NEW.last_hash = OLD.last_hash THEN
        RETURN NEW; -- the agency filled in once
    END IF;
    IF NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION '全过程记录链头只能前进 (% on %: #% -> #%)', TG_OP, TG_TABLE_NAME, OLD.last_seq, NEW.last_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION zf_record_global_head_forward() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '全过程记录链头不可删除 (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        RAISE EXCEPTION '全过程记录全局链头只有一行，不可新增 (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.id <> OLD.id OR NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION '全过程记录链头只能前进 (% on %: #% -> #%)', TG_OP, TG_TABLE_NAME, OLD.last_seq, NEW.last_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER zf_record_case_head_forward BEFORE INSERT OR UPDATE OR DELETE ON zf_record_case_head
    FOR EACH ROW EXECUTE FUNCTION zf_record_case_head_forward();
CREATE TRIGGER zf_record_case_head_no_truncate BEFORE TRUNCATE ON zf_record_case_head
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_record_global_head_forward BEFORE INSERT OR UPDATE OR DELETE ON zf_record_global_head
    FOR EACH ROW EXECUTE FUNCTION zf_record_global_head_forward();
CREATE TRIGGER zf_record_global_head_no_truncate BEFORE TRUNCATE ON zf_record_global_head
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();
