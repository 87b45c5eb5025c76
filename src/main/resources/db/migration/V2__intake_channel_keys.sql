-- API keys of the outside channels (web portal, WeChat, app ...). Only a hash of each key is kept;
-- the key itself is shown once, when an administrator issues it.
CREATE TABLE intake_channel_key (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    channel     VARCHAR(16)  NOT NULL,
    label       VARCHAR(100) NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    revoked_at  TIMESTAMP,
    revoked_by  VARCHAR(64),
    CONSTRAINT uq_intake_channel_key_hash UNIQUE (key_hash)
);
