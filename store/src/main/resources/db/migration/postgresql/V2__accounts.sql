-- Registered names (issue #4). folded is the name under the server's case mapping; the hash is bcrypt.
CREATE TABLE accounts (
    folded        TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_ms    BIGINT  NOT NULL
);
