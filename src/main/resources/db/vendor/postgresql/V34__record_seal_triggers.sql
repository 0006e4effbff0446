-- Full-process record (R-REC-4 防删改, ADR-0043), PostgreSQL: the global chain (V33) is append-only like
-- zf_record (zf_record_refuse_change from V9). zf_record_unsealed is the sealer's work list and is not
-- protected (see V33).
CREATE TRIGGER zf_record_seal_no_update BEFORE UPDATE OR DELETE ON zf_record_seal
    FOR EACH ROW EXECUTE FUNCTION zf_record_refuse_change();
CREATE TRIGGER zf_record_seal_no_truncate BEFORE TRUNCATE ON zf_record_seal
    FOR EACH STATEMENT EXECUTE FUNCTION zf_record_refuse_change();
