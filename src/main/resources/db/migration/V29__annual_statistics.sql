-- Annual statistics (行政执法统计年报, R-DISC-7): one row per agency and reported year, from the January start of its
-- process (annual-statistics) to publication on the portal. The figures are computed from the system's own tables
-- (cn.zhifa.statistics.AnnualFigures) and kept as JSON, so the report signed off is the report submitted and published.
CREATE TABLE zf_annual_statistics (
    agency_code          VARCHAR(32)   NOT NULL,
    report_year          INTEGER       NOT NULL,
    process_instance_id  VARCHAR(64),
    status               VARCHAR(16)   NOT NULL,             -- COMPUTED, SUBMITTED, PUBLISHED
    figures              TEXT          NOT NULL,             -- JSON {"penalty.decisions": 12, ...}
    computed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    returns              INTEGER       NOT NULL DEFAULT 0,   -- times 党政办 or 司法所 sent it back
    return_reason        VARCHAR(2000),
    office_signed_by     VARCHAR(64),
    office_signed_at     TIMESTAMP WITH TIME ZONE,
    justice_signed_by    VARCHAR(64),
    justice_signed_at    TIMESTAMP WITH TIME ZONE,
    submit_due_at        TIMESTAMP WITH TIME ZONE,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    submitted_on_time    BOOLEAN,
    publish_due_at       TIMESTAMP WITH TIME ZONE,
    published_by         VARCHAR(64),
    published_at         TIMESTAMP WITH TIME ZONE,
    published_on_time    BOOLEAN,
    CONSTRAINT pk_annual_statistics PRIMARY KEY (agency_code, report_year)
);
CREATE INDEX ix_annual_statistics_year ON zf_annual_statistics (report_year, status);
-- the computation reads decided cases of one agency and year
CREATE INDEX ix_case_agency_decided ON zf_case (agency_code, decided_at);
