-- The special-service list (特服名单, seed 002): callers the hotline recognises by phone number and
-- serves first, for example registered disabled persons. Administrators maintain it.
CREATE TABLE special_service_caller (
    phone      VARCHAR(20)  NOT NULL PRIMARY KEY,
    reason     VARCHAR(100) NOT NULL,
    added_at   TIMESTAMP    NOT NULL,
    added_by   VARCHAR(64)  NOT NULL
);
