-- Registered rooms (issue #4, ChanServ). One row per room; its +b/+e/+I lists and access list in their own tables,
-- in the order they were set. A room's rows are replaced as a whole each time its state changes.
CREATE TABLE rooms (
    folded        TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    founder       TEXT    NOT NULL,
    registered_ms BIGINT NOT NULL,
    topic         TEXT    NOT NULL,
    topic_set_by  TEXT    NOT NULL,
    topic_set_ms  BIGINT NOT NULL,
    flags         TEXT    NOT NULL,
    room_key      TEXT,
    user_limit    INTEGER NOT NULL
);

CREATE TABLE room_lists (
    room          TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    mode          TEXT    NOT NULL,
    mask          TEXT    NOT NULL,
    set_by        TEXT    NOT NULL,
    set_ms        BIGINT NOT NULL,
    PRIMARY KEY (room, position)
);

CREATE TABLE room_access (
    room          TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    account       TEXT    NOT NULL,
    level         TEXT    NOT NULL,
    PRIMARY KEY (room, position)
);
