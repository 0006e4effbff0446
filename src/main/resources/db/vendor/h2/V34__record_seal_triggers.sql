-- Full-process record (R-REC-4 防删改, ADR-0043), H2: the global chain (V33) is append-only like zf_record —
-- a Java row trigger (cn.zhifa.record.H2RecordGuard) refuses UPDATE and DELETE, and the always-empty
-- zf_record_truncate_guard (V14) refers to it, so H2 refuses TRUNCATE TABLE. zf_record_unsealed is the
-- sealer's work list and is not protected (see V33).
CREATE TRIGGER zf_record_seal_no_update BEFORE UPDATE, DELETE ON zf_record_seal
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
ALTER TABLE zf_record_truncate_guard ADD COLUMN seal_seq BIGINT;
ALTER TABLE zf_record_truncate_guard ADD CONSTRAINT zf_record_truncate_guard_seal
    FOREIGN KEY (seal_seq) REFERENCES zf_record_seal (global_seq);
