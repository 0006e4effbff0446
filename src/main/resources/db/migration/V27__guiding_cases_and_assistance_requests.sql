-- Guiding cases (行政执法指导案例, seed 002 (十一)) and requests for enforcement assistance (执法协助, seed 002 (十五) 五).
--
-- zf_guiding_case: one row per case an agency proposes as a guiding case, from the proposal to the justice bureau's
-- review and publication on the portal. Its number is the business key of its process (guiding-case), so the
-- full-process record of every step is under it. The texts are stored as redacted (the case's personal data removed):
-- what the bureau reviews is what the portal publishes.
CREATE TABLE zf_guiding_case (
    guiding_no            VARCHAR(32)   PRIMARY KEY,          -- 区执法案例〔2026〕1号
    agency_code           VARCHAR(32)   NOT NULL,             -- the proposing agency (= tenant of the process)
    case_no               VARCHAR(100)  NOT NULL,             -- the agency's closed case it is drawn from
    category              VARCHAR(32)   NOT NULL,             -- PENALTY, PERMIT, COERCION, INSPECTION, OTHER
    title                 VARCHAR(200)  NOT NULL,
    summary               VARCHAR(4000) NOT NULL,             -- 基本案情 (redacted)
    key_points            VARCHAR(2000) NOT NULL,             -- 要点 / 典型意义 (redacted)
    legal_basis           VARCHAR(2000) NOT NULL,             -- 法律依据 (redacted)
    redaction_summary     VARCHAR(500),
    proposed_by           VARCHAR(64)   NOT NULL,
    proposed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    proposal_year         INTEGER       NOT NULL,             -- the year the proposal counts for (three a year)
    review_due_at         TIMESTAMP WITH TIME ZONE,
    process_instance_id   VARCHAR(64),
    status                VARCHAR(32)   NOT NULL,             -- PROPOSED, RETURNED, PUBLISHED, REJECTED
    rounds                INTEGER       NOT NULL,             -- 1 + the times the bureau returned it for revision
    reviewed_by           VARCHAR(64),
    reviewed_at           TIMESTAMP WITH TIME ZONE,
    opinion               VARCHAR(2000),
    published_at          TIMESTAMP WITH TIME ZONE,
    published_year        INTEGER
);
CREATE INDEX ix_guiding_case_agency ON zf_guiding_case (agency_code, proposal_year);
CREATE INDEX ix_guiding_case_published ON zf_guiding_case (status, published_at);

-- zf_assistance_request: one row per written request for enforcement assistance from one agency to another, from the
-- request letter to the requested agency's reply (accepted or refused with reasons) and its report of the outcome.
CREATE TABLE zf_assistance_request (
    request_no            VARCHAR(32)   PRIMARY KEY,          -- the request letter's number, business key of both sides
    agency_code           VARCHAR(32)   NOT NULL,             -- the requesting agency
    requested_agency      VARCHAR(32)   NOT NULL,             -- the agency asked for assistance
    case_no               VARCHAR(100),                       -- the requester's case it concerns, if any
    kind                  VARCHAR(32)   NOT NULL,             -- TECHNICAL, RECORDS, JOINT_ACTION, OTHER
    matter                VARCHAR(2000) NOT NULL,
    reason                VARCHAR(2000) NOT NULL,
    requested_by          VARCHAR(64)   NOT NULL,
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    reply_due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64),                        -- the requester's process
    reply_process_instance_id VARCHAR(64),                    -- the requested agency's process
    status                VARCHAR(32)   NOT NULL,             -- SENT, ACCEPTED, REFUSED, COMPLETED
    answered_by           VARCHAR(64),
    answered_at           TIMESTAMP WITH TIME ZONE,
    answered_on_time      BOOLEAN,
    refusal_reasons       VARCHAR(2000),
    outcome               VARCHAR(4000),
    outcome_by            VARCHAR(64),
    outcome_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_assistance_request_agency ON zf_assistance_request (agency_code, status);
CREATE INDEX ix_assistance_request_requested ON zf_assistance_request (requested_agency, status);
