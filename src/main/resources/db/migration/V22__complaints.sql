-- Complaints and reports (投诉举报, R-COORD-4; seed 002 (十五) 二): one row per complaint, from its receipt
-- (portal or staff entry) to the reply. A complaint moved to another agency keeps its row (and receipt number);
-- process_instance_id is the instance now handling it. The query code is stored only as its SHA-256.
CREATE TABLE zf_complaint (
    receipt_no           VARCHAR(32)   PRIMARY KEY,          -- TS-2026-000001
    query_code_hash      VARCHAR(64)   NOT NULL,
    channel              VARCHAR(16)   NOT NULL,             -- PORTAL, STAFF
    category             VARCHAR(32)   NOT NULL,
    concerned_agency     VARCHAR(100),                       -- what the complainant named
    location             VARCHAR(200),
    content              VARCHAR(2000) NOT NULL,
    complainant_name     VARCHAR(50),
    complainant_contact  VARCHAR(100),
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by        VARCHAR(64),                        -- staff entry: the officer; portal: null
    agency_code          VARCHAR(32)   NOT NULL,             -- the agency handling it now
    first_agency_code    VARCHAR(32)   NOT NULL,             -- where it was received
    routing_basis        VARCHAR(500),                       -- the routing table's rule, or the transfer
    process_instance_id  VARCHAR(64),
    status               VARCHAR(32)   NOT NULL,             -- RECEIVED, ACCEPTED, NOT_ACCEPTED, TRANSFERRED_EXTERNAL, REPLIED
    handling_body        VARCHAR(200),                       -- who handles it, as the complainant is told
    routing_due_at       TIMESTAMP WITH TIME ZONE,
    acceptance_due_at    TIMESTAMP WITH TIME ZONE,
    decided_at           TIMESTAMP WITH TIME ZONE,
    decided_by           VARCHAR(64),
    not_accepted_reason  VARCHAR(1000),
    handler_id           VARCHAR(64),
    handling_due_at      TIMESTAMP WITH TIME ZONE,
    reply                VARCHAR(2000),
    replied_at           TIMESTAMP WITH TIME ZONE,
    replied_on_time      BOOLEAN,
    case_no              VARCHAR(100),                       -- the enforcement case it opened (source COMPLAINT)
    transfers            INTEGER       DEFAULT 0 NOT NULL
);
CREATE INDEX zf_complaint_agency ON zf_complaint (agency_code, submitted_at);
CREATE INDEX zf_complaint_process ON zf_complaint (process_instance_id);
