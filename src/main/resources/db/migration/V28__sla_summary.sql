-- The SLA board's summary as last counted (docs/sla.md#performance, ADR-0030): one row per scope the board was asked
-- for (the agencies, the kind and person filters, with or without the supervisors' indicators); counted again in the background
-- while it is asked for, so that opening the board does not count every running deadline each time. Derived data:
-- deleting a row only makes the next request count it again.
CREATE TABLE zf_sla_summary (
    scope_key         VARCHAR(64)     PRIMARY KEY,   -- SHA-256 (hex) of agencies|kind|person|indicators
    agencies          VARCHAR(4000)   NOT NULL,      -- the agency codes, sorted, comma-separated
    kind              VARCHAR(255),                  -- process key filter, or none
    person            VARCHAR(64),                   -- responsible person filter, or none
    indicators        BOOLEAN         NOT NULL,      -- with the supervisors' per-agency indicators
    counted_at        TIMESTAMP WITH TIME ZONE NOT NULL,  -- engine clock when counted
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,  -- last asked for (marked at most every 5 minutes)
    refreshing_until  TIMESTAMP WITH TIME ZONE,      -- a node's claim to count it again
    payload           VARCHAR(1000000) NOT NULL      -- the counts per agency as JSON
);
