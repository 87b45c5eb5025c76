-- The citizen's personal data (seed 001: 依法依规严格保护个人隐私) lives here and not in the engine: the
-- engine's variables phone, callerName, idNumber and address hold only the masked form, so no
-- engine resource, search or history table can give the values away (privacy module).
CREATE TABLE citizen_contact (
    process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    work_order_number   VARCHAR(32),
    phone               VARCHAR(20),
    caller_name         VARCHAR(50),
    id_number           VARCHAR(18),
    address             VARCHAR(200),
    recorded_at         TIMESTAMP    NOT NULL
);

-- A repeat request from the same phone is found through this index, not by searching variables.
CREATE INDEX ix_citizen_contact_phone ON citizen_contact (phone);
CREATE INDEX ix_citizen_contact_order ON citizen_contact (work_order_number);

-- 谁使用、谁负责: every time someone is shown a citizen's personal data in full, who, when, for which
-- order and task, and which fields.
CREATE TABLE personal_data_access (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    accessed_at         TIMESTAMP    NOT NULL,
    user_id             VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    task_id             VARCHAR(64),
    fields              VARCHAR(100) NOT NULL
);
CREATE INDEX ix_personal_data_access_order ON personal_data_access (process_instance_id);
