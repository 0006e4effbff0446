-- Issue 17: who has read which notification. A notification to a group (LIAOKUO-head, supervisor) is read
-- by each member separately, so the read state is one row per notification and user.
CREATE TABLE zf_notification_read (
    notification_id  BIGINT       NOT NULL REFERENCES zf_notification (id),
    user_id          VARCHAR(64)  NOT NULL,
    read_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX zf_notification_read_user ON zf_notification_read (user_id);
CREATE INDEX zf_notification_created ON zf_notification (created_at);

-- A supervisor (or anyone) subscribed to an agency receives every SLA warning and breach of its cases.
CREATE TABLE zf_notification_subscription (
    user_id      VARCHAR(64)  NOT NULL,
    agency_code  VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, agency_code)
);
CREATE INDEX zf_notification_subscription_agency ON zf_notification_subscription (agency_code);
