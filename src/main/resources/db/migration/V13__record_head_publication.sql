-- Full-process record (R-REC-4, issue 13 §7, ADR-0009): the head is published once per period
-- (zhifa.record.publish-interval, default an hour) instead of once a day. Portable SQL: H2 and
-- PostgreSQL; the key change and the triggers are database-specific (db/vendor/{h2|postgresql}/V14).

-- The period a published head belongs to, as signed: '2026-11-21T14:00+08:00' (start of the period,
-- Asia/Shanghai); heads published daily before this version keep their day ('2026-11-21'), which is
-- what their signature covers. V14 fills it for those rows and makes it the key: one publication per
-- period, whichever node comes first.
ALTER TABLE zf_record_published_head ADD COLUMN period VARCHAR(40);
-- true when the publication also wrote the heads of the cases changed since the previous one
ALTER TABLE zf_record_published_head ADD COLUMN with_case_heads BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX zf_record_published_head_seq ON zf_record_published_head (global_seq);

-- With each published head, the head of every case whose chain grew since the previous publication
-- (the first publication: every case). Together they say how far each case had reached when the
-- global head was published: the verifier reports a case that no longer reaches its published entry
-- (truncated) or holds another hash there (rewritten), and an append never reuses a published number.
-- Append-only like zf_record (triggers in V14).
CREATE TABLE zf_record_published_case_head (
    case_no      VARCHAR(100)  NOT NULL,
    case_seq     BIGINT        NOT NULL,
    hash         VARCHAR(64)   NOT NULL,
    period       VARCHAR(40)   NOT NULL,
    CONSTRAINT zf_record_published_case_head_pk PRIMARY KEY (case_no, case_seq)
);
