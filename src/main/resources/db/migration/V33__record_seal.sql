-- Full-process record (R-REC-4 防删改, issue 15 §2, ADR-0043): appends no longer lock the single global
-- head row. An entry is written in the step's transaction chained to its case only; the global chain is
-- kept in its own append-only table, written by the sealer (RecordSealer) in short transactions of its own
-- that take the global head row lock. Portable SQL: H2 and PostgreSQL; the triggers are database-specific
-- (db/vendor/{h2|postgresql}/V34).

-- The global chain: one row per sealed entry, in sealing order. global_hash = sha256(global_prev_hash +
-- "\n" + entry_hash); entry_hash is the entry's case-chain hash when it was sealed. Case number and
-- position are repeated so a sealed entry removed later is still named. Never updated or deleted.
CREATE TABLE zf_record_seal (
    global_seq        BIGINT        PRIMARY KEY,       -- 1, 2, 3 ... over all cases, in sealing order
    record_id         BIGINT        NOT NULL,          -- zf_record.id (no foreign key: a removed entry must stay visible here)
    case_no           VARCHAR(100)  NOT NULL,
    case_seq          BIGINT        NOT NULL,
    entry_hash        VARCHAR(64)   NOT NULL,
    global_prev_hash  VARCHAR(64)   NOT NULL,
    global_hash       VARCHAR(64)   NOT NULL,
    sealed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT zf_record_seal_record UNIQUE (record_id)
);

-- Every entry written so far was chained globally when it was appended: it counts as sealed with its
-- global number and hashes (and the time it was appended as the time it was sealed). zf_record keeps
-- these columns for those entries: their case-chain hash covers global_seq.
INSERT INTO zf_record_seal (global_seq, record_id, case_no, case_seq, entry_hash, global_prev_hash, global_hash, sealed_at)
SELECT global_seq, id, case_no, case_seq, hash, global_prev_hash, global_hash, occurred_at FROM zf_record;

-- Entries appended from now on have no global number in zf_record (their hash does not cover one): it is
-- in zf_record_seal once sealed.
ALTER TABLE zf_record ALTER COLUMN global_seq DROP NOT NULL;
ALTER TABLE zf_record ALTER COLUMN global_prev_hash DROP NOT NULL;
ALTER TABLE zf_record ALTER COLUMN global_hash DROP NOT NULL;

-- The sealer's work list: the appending transaction adds its entry's id, the sealer removes it when it
-- seals the entry (same transaction as the seal row). Not protected: removing a row here only keeps the
-- entry from being sealed, which the verifier reports (UNSEALED); the entry itself stays in its case chain.
CREATE TABLE zf_record_unsealed (
    record_id   BIGINT        PRIMARY KEY,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
