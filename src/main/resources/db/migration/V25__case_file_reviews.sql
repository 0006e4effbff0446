-- Case-file reviews (案卷评查, R-REC-7; seed 003 四(二) "定期对执法案卷进行评查"): the justice bureau draws a random
-- sample of an agency's closed case files of a year, scores each against templates/case-file-review.yml, concludes,
-- and the agency acknowledges. One row per review (the review number is the business key of its process
-- case-file-review) with the draw as recorded (seed, population and its hash, drawn numbers: the draw can be redone),
-- and one row per drawn case file with its score.
CREATE TABLE zf_case_file_review (
    review_no             VARCHAR(32)    PRIMARY KEY,          -- 区司法评查〔2026〕1号
    agency_code           VARCHAR(32)    NOT NULL,             -- the agency reviewed (= tenant of the process)
    review_year           INTEGER        NOT NULL,             -- cases closed in this year (Asia/Shanghai)
    status                VARCHAR(32)    NOT NULL,             -- SCORING, CONCLUDED, ACKNOWLEDGED, EMPTY
    started_by            VARCHAR(64)    NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id   VARCHAR(64),
    draw_seed             BIGINT         NOT NULL,
    population_size       INTEGER        NOT NULL,
    population_hash       VARCHAR(64)    NOT NULL,             -- SHA-256 of the sorted case numbers, one a line
    population            VARCHAR(200000) NOT NULL,            -- the sorted case numbers, one a line
    sample_rule           VARCHAR(200)   NOT NULL,             -- the rule applied, e.g. 10%, 3–20
    sample_size           INTEGER        NOT NULL,
    drawn_cases           VARCHAR(4000)  NOT NULL,             -- in draw order, one a line
    average_score         NUMERIC(6, 2),
    failed_count          INTEGER,
    conclusion            VARCHAR(4000),
    follow_up             VARCHAR(32),                         -- RESULTS_ONLY, NOTICE
    requirement           VARCHAR(2000),
    notice_no             VARCHAR(32),                         -- the supervision notice issued on the results
    concluded_by          VARCHAR(64),
    concluded_at          TIMESTAMP WITH TIME ZONE,
    report_doc_id         VARCHAR(64),
    acknowledged_by       VARCHAR(64),
    acknowledged_at       TIMESTAMP WITH TIME ZONE,
    acknowledgement       VARCHAR(4000)
);
CREATE INDEX ix_case_file_review_agency ON zf_case_file_review (agency_code, review_year);

CREATE TABLE zf_case_file_review_item (
    review_no             VARCHAR(32)    NOT NULL,
    case_no               VARCHAR(64)    NOT NULL,
    draw_order            INTEGER        NOT NULL,             -- 1, 2, … as drawn
    score                 INTEGER,
    grade                 VARCHAR(16),                         -- EXCELLENT, PASS, FAIL (templates/case-file-review.yml)
    deductions            VARCHAR(2000),                       -- the deficiency codes ticked, one a line
    comments              VARCHAR(4000),
    interference_count    INTEGER        NOT NULL,             -- interference reports in the case's record
    reviewed_by           VARCHAR(64),
    reviewed_at           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (review_no, case_no)
);
