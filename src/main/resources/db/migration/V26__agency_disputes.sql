-- Disputes between agencies (行政执法争议协调, R-COORD-5; seed 002 (二), (十五)六): the register of one dispute from the
-- applicant's request to negotiate, through the justice bureau's acceptance, coordination and written opinion, to the
-- county government's ruling. One row per dispute; the dispute number is the business key of its processes
-- (agency-dispute in the applicant's tenant, agency-dispute-reply in the other agency's), so the full-process record
-- of every step is under it.
CREATE TABLE zf_agency_dispute (
    dispute_no                VARCHAR(32)   PRIMARY KEY,      -- 区执争〔2026〕1号
    applicant_code            VARCHAR(32)   NOT NULL,         -- the agency that raised it (= tenant of agency-dispute)
    counterpart_code          VARCHAR(32)   NOT NULL,         -- the other agency (= tenant of agency-dispute-reply)
    subject                   VARCHAR(32)   NOT NULL,         -- RESPONSIBILITY, BASIS, PROCEDURE, STANDARD, JURISDICTION, OTHER
    matter                    VARCHAR(2000) NOT NULL,
    related_case_no           VARCHAR(64),                    -- a case of the applicant's own agency
    applicant_position        VARCHAR(2000) NOT NULL,
    raised_by                 VARCHAR(64)   NOT NULL,
    raised_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    negotiation_due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id       VARCHAR(64),
    status                    VARCHAR(32)   NOT NULL,         -- NEGOTIATING, APPLIED, COORDINATING, OPINION_ISSUED, REPORTED, CLOSED
    outcome                   VARCHAR(32),                    -- AGREED_IN_NEGOTIATION, NOT_ACCEPTED, AGREED_IN_COORDINATION, OPINION_ACCEPTED, RULED
    counterpart_reply         VARCHAR(16),                    -- AGREE, DISAGREE
    counterpart_position      VARCHAR(2000),
    counterpart_replied_by    VARCHAR(64),
    counterpart_replied_at    TIMESTAMP WITH TIME ZONE,
    negotiation_result        VARCHAR(2000),
    applied_at                TIMESTAMP WITH TIME ZONE,
    acceptance_due_at         TIMESTAMP WITH TIME ZONE,
    accepted_by               VARCHAR(64),
    accepted_at               TIMESTAMP WITH TIME ZONE,
    acceptance_notes          VARCHAR(2000),
    coordination_due_at       TIMESTAMP WITH TIME ZONE,
    coordination_notes        VARCHAR(4000),
    opinion                   VARCHAR(4000),
    opinion_by                VARCHAR(64),
    opinion_at                TIMESTAMP WITH TIME ZONE,
    opinion_reply_due_at      TIMESTAMP WITH TIME ZONE,
    applicant_answer          VARCHAR(16),                    -- ACCEPT, OBJECT
    applicant_answer_notes    VARCHAR(2000),
    counterpart_answer        VARCHAR(16),                    -- ACCEPT, OBJECT
    counterpart_answer_notes  VARCHAR(2000),
    report                    VARCHAR(4000),
    reported_by               VARCHAR(64),
    reported_at               TIMESTAMP WITH TIME ZONE,
    ruling_due_at             TIMESTAMP WITH TIME ZONE,
    ruling                    VARCHAR(4000),
    ruling_no                 VARCHAR(64),
    ruling_recorded_by        VARCHAR(64),
    closed_at                 TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_agency_dispute_applicant ON zf_agency_dispute (applicant_code, status);
CREATE INDEX ix_agency_dispute_counterpart ON zf_agency_dispute (counterpart_code, status);
