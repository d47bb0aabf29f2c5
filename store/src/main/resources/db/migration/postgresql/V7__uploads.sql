-- Shared files (issue #6). The bytes live under the data directory, named by sha256; this is what was shared.
-- uploader_account is NULL when the uploader was not logged in.
CREATE TABLE uploads (
    id               TEXT   PRIMARY KEY,
    sha256           TEXT   NOT NULL,
    name             TEXT   NOT NULL,
    content_type     TEXT   NOT NULL,
    size             BIGINT NOT NULL,
    uploader_nick    TEXT   NOT NULL,
    uploader_account TEXT,
    created_ms       BIGINT NOT NULL
);
CREATE INDEX uploads_sha256 ON uploads (sha256);
CREATE INDEX uploads_created ON uploads (created_ms);
