-- What limits the history writer is the index pages each commit dirties: an index keyed by conversation or nick
-- takes an insert on a page of its own for every conversation in the batch, and the commit writes each such page
-- to the log. Of those indexes only (conversation, seq) stays:
-- - a time bound becomes a sequence bound through events_by_time, since an event's time never goes back as seq
--   grows (ServerState.eventTime), so the time-ordered index per conversation goes;
-- - a msgid is found through an index in msgid order, where new ids land next to each other (the server's counter);
-- - a whisper pair's two nicks go to whisper_peers, written once per pair, not once per line.
DROP INDEX events_by_conversation_time;
DROP INDEX events_by_conversation_msgid;
DROP INDEX events_by_peer_a;
DROP INDEX events_by_peer_b;
CREATE INDEX events_by_msgid ON events (msgid);
-- events_by_time (at_ms) stays: SQLite appends the rowid (seq) to it, so it is ordered by (at_ms, seq).
CREATE TABLE whisper_peers (
    nick         TEXT NOT NULL, -- folded nick
    conversation TEXT NOT NULL, -- the pair's conversation key
    PRIMARY KEY (nick, conversation)
) WITHOUT ROWID;
INSERT INTO whisper_peers (nick, conversation)
SELECT peer_a, conversation FROM events WHERE peer_a IS NOT NULL
UNION
SELECT peer_b, conversation FROM events WHERE peer_b IS NOT NULL;
