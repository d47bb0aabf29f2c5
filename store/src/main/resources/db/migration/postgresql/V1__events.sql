-- Every stored line, in server order (DESIGN.md rule 1). seq is assigned by the hub, never reused.
CREATE TABLE events (
    seq          BIGINT  PRIMARY KEY,
    conversation TEXT    NOT NULL, -- folded room name, or 'a b' for a whisper pair
    msgid        TEXT    NOT NULL,
    at_ms        BIGINT  NOT NULL, -- server time, milliseconds since the epoch
    command      TEXT    NOT NULL,
    sender       TEXT    NOT NULL, -- folded nick
    peer_a       TEXT,             -- whisper pair, lower folded nick
    peer_b       TEXT,             -- whisper pair, higher folded nick
    line         TEXT    NOT NULL  -- the IRC line without time and msgid tags
);
CREATE INDEX events_by_conversation ON events (conversation, seq);
CREATE INDEX events_by_conversation_time ON events (conversation, at_ms);
CREATE INDEX events_by_conversation_msgid ON events (conversation, msgid);
CREATE INDEX events_by_peer_a ON events (peer_a, at_ms) WHERE peer_a IS NOT NULL;
CREATE INDEX events_by_peer_b ON events (peer_b, at_ms) WHERE peer_b IS NOT NULL;
CREATE INDEX events_by_time ON events (at_ms);
