-- Full-process record (R-REC-4 防删改, ADR-0009): rows of the append-only tables can be inserted,
-- never updated, deleted or truncated. Changing them needs a superuser who disables the triggers,
-- and the verifier still names what was changed.
CREATE OR REPLACE FUNCTION zf_record_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '全过程记录不可修改或删除 (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER zf_record_no_update BEFORE UPDATE OR DELETE ON zf_record
    FOR EACH ROW EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_record_no_truncate BEFORE TRUNCATE ON zf_record
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();

CREATE TRIGGER zf_av_file_no_update BEFORE UPDATE OR DELETE ON zf_av_file
    FOR EACH ROW EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_av_file_no_truncate BEFORE TRUNCATE ON zf_av_file
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();

CREATE TRIGGER zf_record_published_head_no_update BEFORE UPDATE OR DELETE ON zf_record_published_head
    FOR EACH ROW EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_record_published_head_no_truncate BEFORE TRUNCATE ON zf_record_published_head
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();
