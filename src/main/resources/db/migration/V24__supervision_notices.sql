-- Supervision notices (行政执法监督通知书, R-COORD-8; seed 002 (七)): the justice bureau's notice to an agency, from
-- its issue to the bureau's check of the rectification report. One row per notice; the notice number is the
-- business key of its process (supervision-notice), so the full-process record of every step is under it.
CREATE TABLE zf_supervision_notice (
    notice_no             VARCHAR(32)   PRIMARY KEY,          -- 区司法监通〔2026〕1号
    agency_code           VARCHAR(32)   NOT NULL,             -- the agency supervised (= tenant of the process)
    source                VARCHAR(32)   NOT NULL,             -- COMPLAINT, SLA_BREACH, UNTRANSFERRED_CASE, CASE_FILE_REVIEW, OTHER
    source_ref            VARCHAR(64),                        -- the case or complaint number it concerns
    problem               VARCHAR(2000) NOT NULL,
    requirement           VARCHAR(2000) NOT NULL,
    period_working_days   INTEGER       NOT NULL,
    issued_by             VARCHAR(64)   NOT NULL,
    issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    rectification_due_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64),
    status                VARCHAR(32)   NOT NULL,             -- ISSUED, REPORTED, CLOSED, ESCALATED
    rounds                INTEGER       NOT NULL,             -- 1 + the times the bureau sent it back
    reported_by           VARCHAR(64),
    reported_at           TIMESTAMP WITH TIME ZONE,
    report                VARCHAR(4000),
    reported_on_time      BOOLEAN,
    checked_by            VARCHAR(64),
    checked_at            TIMESTAMP WITH TIME ZONE,
    opinion               VARCHAR(2000),
    escalation            VARCHAR(32)                         -- CIRCULATED (通报), REPORTED_TO_GOVERNMENT
);
CREATE INDEX ix_supervision_notice_agency ON zf_supervision_notice (agency_code, status);
