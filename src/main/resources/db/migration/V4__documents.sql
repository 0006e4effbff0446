-- Documents (文书, R-REC-1): generated files and their document numbers (ADR-0007).
-- Portable SQL: runs on H2 and PostgreSQL. BYTEA is PostgreSQL's byte array (not a large object)
-- and an H2 alias of BINARY VARYING; several application nodes share only this database.

-- One row per agency, number series (usually the document kind) and year; the next number is
-- last_number + 1, taken under SELECT ... FOR UPDATE in the transaction that stores the document.
CREATE TABLE zf_document_counter (
    agency_code  VARCHAR(32)  NOT NULL,
    kind         VARCHAR(64)  NOT NULL,
    doc_year     INTEGER      NOT NULL,
    last_number  INTEGER      NOT NULL,
    CONSTRAINT zf_document_counter_pk PRIMARY KEY (agency_code, kind, doc_year),
    CONSTRAINT zf_document_counter_positive CHECK (last_number >= 0)
);

CREATE TABLE zf_document (
    id                   VARCHAR(36)  PRIMARY KEY,
    agency_code          VARCHAR(32)  NOT NULL REFERENCES zf_agency (code),
    kind                 VARCHAR(64)  NOT NULL,
    number               VARCHAR(100),
    case_id              VARCHAR(100),
    process_instance_id  VARCHAR(64),
    file_name            VARCHAR(300) NOT NULL,
    content              BYTEA        NOT NULL,
    sha256               VARCHAR(64)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    -- a document number is issued once per agency (several kinds may share one series)
    CONSTRAINT zf_document_number_unique UNIQUE (agency_code, number)
);
CREATE INDEX zf_document_case ON zf_document (case_id);
CREATE INDEX zf_document_process ON zf_document (process_instance_id);
