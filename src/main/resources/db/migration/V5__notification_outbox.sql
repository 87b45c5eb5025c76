-- Messages to citizens (SMS) and staff (e-mail). A process step writes its message here in its own
-- database transaction, so a step that rolls back sends nothing; a poller delivers the rows later,
-- with retries, and marks the ones that keep failing FAILED for administrators (notification module).
CREATE TABLE notification_outbox (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    message             VARCHAR(64)   NOT NULL,
    channel             VARCHAR(8)    NOT NULL,
    recipient           VARCHAR(100)  NOT NULL,
    subject             VARCHAR(200),
    body                VARCHAR(4000) NOT NULL,
    work_order_number   VARCHAR(32),
    process_instance_id VARCHAR(64),
    element_id          VARCHAR(255),
    status              VARCHAR(8)    NOT NULL,
    attempts            INTEGER       NOT NULL,
    next_attempt_at     TIMESTAMP     NOT NULL,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMP     NOT NULL,
    sent_at             TIMESTAMP
);

-- The poller's question: which pending messages are due?
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
CREATE INDEX ix_notification_outbox_order ON notification_outbox (work_order_number);
