-- SCRAM-SHA-256 credentials (RFC 5802, RFC 7677), derived whenever a password is set: salt, iteration count,
-- StoredKey and ServerKey, in base64. NULL for an account made before this migration until its owner next logs in
-- with the password. The password itself is never stored.
ALTER TABLE accounts ADD COLUMN scram_salt TEXT;
ALTER TABLE accounts ADD COLUMN scram_iterations INTEGER;
ALTER TABLE accounts ADD COLUMN scram_stored_key TEXT;
ALTER TABLE accounts ADD COLUMN scram_server_key TEXT;

-- TLS client certificates that log in to an account with SASL EXTERNAL: SHA-256 fingerprints, lowercase hex.
-- A certificate belongs to one account at most.
CREATE TABLE account_certificates (
    fingerprint TEXT    PRIMARY KEY,
    folded      TEXT    NOT NULL REFERENCES accounts (folded),
    added_ms    INTEGER NOT NULL
);
CREATE INDEX account_certificates_folded ON account_certificates (folded, added_ms);
