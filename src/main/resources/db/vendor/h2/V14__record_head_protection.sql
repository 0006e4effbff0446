-- Full-process record (R-REC-4 防删改, issue 13 §7, ADR-0009), H2: the same protection as on
-- PostgreSQL (db/vendor/postgresql/V9, V14) as far as H2 allows.
-- 1. One published head per period: the signed period label becomes the key (V13 added it); rows
--    published daily before keep their day as label.
UPDATE zf_record_published_head SET period = CAST(head_date AS VARCHAR(40)) WHERE period IS NULL;
ALTER TABLE zf_record_published_head ALTER COLUMN period SET NOT NULL;
ALTER TABLE zf_record_published_head DROP PRIMARY KEY;
ALTER TABLE zf_record_published_head ADD CONSTRAINT zf_record_published_head_pk PRIMARY KEY (period);

-- 2. Row triggers (Java, cn.zhifa.record.H2RecordGuard): record rows are never updated or deleted;
--    the heads of the chains only move forward (a case head starts at 0, keeps its case and its
--    agency once set; the global head stays the single row), and are never deleted.
CREATE TRIGGER zf_record_no_update BEFORE UPDATE, DELETE ON zf_record
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
CREATE TRIGGER zf_av_file_no_update BEFORE UPDATE, DELETE ON zf_av_file
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
CREATE TRIGGER zf_record_published_head_no_update BEFORE UPDATE, DELETE ON zf_record_published_head
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
CREATE TRIGGER zf_record_published_case_head_no_update BEFORE UPDATE, DELETE ON zf_record_published_case_head
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
CREATE TRIGGER zf_record_case_head_forward BEFORE INSERT, UPDATE, DELETE ON zf_record_case_head
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';
CREATE TRIGGER zf_record_global_head_forward BEFORE INSERT, UPDATE, DELETE ON zf_record_global_head
    FOR EACH ROW CALL 'cn.zhifa.record.H2RecordGuard';

-- 3. H2 has no TRUNCATE triggers, but refuses TRUNCATE TABLE on a table a foreign key refers to:
--    this empty table refers to each protected table and never holds a row.
CREATE TABLE zf_record_truncate_guard (
    record_id       BIGINT       REFERENCES zf_record (id),
    av_file_id      VARCHAR(36)  REFERENCES zf_av_file (id),
    case_no         VARCHAR(100) REFERENCES zf_record_case_head (case_no),
    global_head_id  INTEGER      REFERENCES zf_record_global_head (id),
    period          VARCHAR(40)  REFERENCES zf_record_published_head (period),
    pub_case_no     VARCHAR(100),
    pub_case_seq    BIGINT,
    CONSTRAINT zf_record_truncate_guard_pub FOREIGN KEY (pub_case_no, pub_case_seq)
        REFERENCES zf_record_published_case_head (case_no, case_seq),
    CONSTRAINT zf_record_truncate_guard_empty CHECK (1 = 0)
);
