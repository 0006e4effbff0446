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
