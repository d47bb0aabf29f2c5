-- Server bans (K-lines, issue #4). mask is normalized (nick!user@host globs, or $a:account); expires_ms 0 = never.
CREATE TABLE klines (
    mask       TEXT    PRIMARY KEY,
    reason     TEXT    NOT NULL,
    set_by     TEXT    NOT NULL,
    set_ms     INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL
);
