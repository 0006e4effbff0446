-- Random inspections ("双随机、一公开", R-DISC-1; docs/random-inspections.md, ADR-0033): an agency's inspection plan draws
-- targets from the target register (inspections/targets.yml) for an item of its random-inspection list
-- (inspections/items.yml) and two inspectors per target from its certified officers, excluding conflicts. One row per
-- plan (the plan number is the business key of its process random-inspection) with the draw as recorded (seed, both
-- populations and their hashes, the exclusions, the result: the draw can be redone), and one row per drawn target: the
-- inspection, its result, the case it opened and its publication on the portal.
CREATE TABLE zf_inspection_plan (
    plan_no               VARCHAR(32)    PRIMARY KEY,          -- 寥街抽查〔2026〕1号
    agency_code           VARCHAR(32)    NOT NULL,             -- the agency inspecting (= tenant of the process)
    plan_name             VARCHAR(200)   NOT NULL,
    item_code             VARCHAR(32)    NOT NULL,             -- inspections/items.yml
    item_name             VARCHAR(200)   NOT NULL,
    status                VARCHAR(32)    NOT NULL,             -- INSPECTING, DONE
    started_by            VARCHAR(64)    NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64),
    draw_seed             BIGINT         NOT NULL,
    target_count          INTEGER        NOT NULL,             -- targets asked for (at most the population)
    target_population     VARCHAR(100000) NOT NULL,            -- the register's codes of the item's kinds, sorted, one a line
    target_hash           VARCHAR(64)    NOT NULL,             -- SHA-256 of target_population
    officer_population    VARCHAR(20000) NOT NULL,             -- the certified officers on the day of the draw, sorted, one a line
    officer_hash          VARCHAR(64)    NOT NULL,
    exclusions            VARCHAR(20000) NOT NULL,             -- per target the officers excluded, "code:user,user" one a line
    drawn                 VARCHAR(20000) NOT NULL,             -- in draw order, "code:inspector,inspector" one a line
    finished_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_inspection_plan_agency ON zf_inspection_plan (agency_code, started_at);

CREATE TABLE zf_inspection (
    inspection_no         VARCHAR(40)    PRIMARY KEY,          -- plan number + "-" + draw order
    plan_no               VARCHAR(32)    NOT NULL REFERENCES zf_inspection_plan (plan_no),
    draw_order            INTEGER        NOT NULL,
    agency_code           VARCHAR(32)    NOT NULL,
    target_code           VARCHAR(32)    NOT NULL,             -- 统一社会信用代码
    target_name           VARCHAR(200)   NOT NULL,
    target_address        VARCHAR(400),
    inspector1            VARCHAR(64)    NOT NULL,
    inspector2            VARCHAR(64)    NOT NULL,
    status                VARCHAR(32)    NOT NULL,             -- DRAWN, CONCLUDED, PUBLISHED
    result                VARCHAR(32),                         -- NO_PROBLEM, RECTIFIED, VIOLATION, NOT_FOUND
    findings              VARCHAR(4000),
    recorded_by           VARCHAR(64),
    concluded_at          TIMESTAMP WITH TIME ZONE,
    publication_due_at    TIMESTAMP WITH TIME ZONE,            -- 20 working days after the conclusion (statutory-limits.yml)
    case_no               VARCHAR(64),                         -- the enforcement case a violation opened
    public_text           VARCHAR(2000),
    published_by          VARCHAR(64),
    published_at          TIMESTAMP WITH TIME ZONE,
    published_on_time     BOOLEAN
);
CREATE INDEX ix_inspection_plan ON zf_inspection (plan_no, draw_order);
CREATE INDEX ix_inspection_target ON zf_inspection (agency_code, target_code, concluded_at);
CREATE INDEX ix_inspection_published ON zf_inspection (published_at);
