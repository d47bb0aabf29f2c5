-- A whisper's two nicks are in its conversation key ('a b') and in whisper_peers; the columns only cost the history
-- writer two more values to bind on every stored line.
ALTER TABLE events DROP COLUMN peer_a;
ALTER TABLE events DROP COLUMN peer_b;
