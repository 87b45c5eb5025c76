-- The application's own tables, beside the engine's ACT_* tables. Plain SQL that H2 and PostgreSQL share.

-- One row per day: the last sequence number given out that day. Numbers are never reused.
CREATE TABLE work_order_number_counter (
    counter_day DATE      NOT NULL PRIMARY KEY,
    last_value  BIGINT    NOT NULL
);

-- Requests that arrived from an outside channel with the channel's own id, so the same request
-- sent twice answers with the first work order instead of creating a second one.
CREATE TABLE intake_submission (
    channel           VARCHAR(16)  NOT NULL,
    external_id       VARCHAR(100) NOT NULL,
    work_order_number VARCHAR(32)  NOT NULL,
    received_at       TIMESTAMP    NOT NULL,
    CONSTRAINT pk_intake_submission PRIMARY KEY (channel, external_id)
);
