-- Issue 14 §6: a model change is itself a reviewed process (model-change.bpmn). Portable SQL: runs on H2 and PostgreSQL.

-- One row per submitted change or rollback. target_tenant NULL: the county-wide (shared) models.
CREATE TABLE zf_model_change (
    change_no           VARCHAR(32)   PRIMARY KEY,           -- MC-2026-0001: also the key of its full-process record
    change_year         INTEGER       NOT NULL,
    kind                VARCHAR(16)   NOT NULL,              -- CHANGE, ROLLBACK
    name                VARCHAR(200)  NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    target_tenant       VARCHAR(32),
    status              VARCHAR(16)   NOT NULL,              -- SUBMITTED, APPROVED, RETURNED, DEPLOYED, FAILED
    submitted_by        VARCHAR(64)   NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    source              VARCHAR(32)   NOT NULL,              -- API, MODELER
    effective_date      DATE          NOT NULL,
    base_deployment_id  VARCHAR(64),                         -- the set in force when submitted (diffed against)
    rollback_to         VARCHAR(64),                         -- ROLLBACK: the earlier deployment restored
    rollback_of         VARCHAR(32),                         -- ROLLBACK of a change: that change
    diff_text           TEXT          NOT NULL,
    decided_by          VARCHAR(64),
    decided_at          TIMESTAMP WITH TIME ZONE,
    opinion             VARCHAR(2000),
    deployment_id       VARCHAR(64),
    deployed_at         TIMESTAMP WITH TIME ZONE,
    problems            TEXT,                                -- JSON: why deploying at the effective date was refused
    process_instance_id VARCHAR(64),
    CONSTRAINT zf_model_change_no_unique UNIQUE (change_year, change_no)
);
CREATE INDEX zf_model_change_target ON zf_model_change (target_tenant);

-- The files as submitted (a CHANGE: the changed files, laid over the set in force when deployed;
-- a ROLLBACK: the complete earlier set).
CREATE TABLE zf_model_change_file (
    change_no  VARCHAR(32)  NOT NULL REFERENCES zf_model_change (change_no),
    name       VARCHAR(300) NOT NULL,
    content    BYTEA        NOT NULL,
    CONSTRAINT zf_model_change_file_pk PRIMARY KEY (change_no, name)
);
