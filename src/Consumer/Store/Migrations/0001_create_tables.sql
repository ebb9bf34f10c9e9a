-- The same schema on SQLite and PostgreSQL: portable types only. Times are Kafka's milliseconds
-- since the Unix epoch, and consumed_at an ISO 8601 UTC text, so both engines sort them alike.

-- One row per consumed event, keyed by where it was read.
CREATE TABLE note_events (
    kafka_topic        TEXT    NOT NULL,
    kafka_partition    INTEGER NOT NULL,
    kafka_offset       BIGINT  NOT NULL,
    message_key        TEXT    NULL,
    event_type         TEXT    NULL,
    note_id            BIGINT  NULL,
    note_text          TEXT    NULL,
    kafka_timestamp_ms BIGINT  NOT NULL,
    headers            TEXT    NOT NULL,
    consumed_at        TEXT    NOT NULL,
    PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset)
);

-- The latest state of each note, as a compacted topic keyed by note id would keep it.
CREATE TABLE notes (
    note_id            BIGINT  NOT NULL PRIMARY KEY,
    note_text          TEXT    NULL,
    deleted            BOOLEAN NOT NULL,
    kafka_timestamp_ms BIGINT  NOT NULL,
    kafka_topic        TEXT    NOT NULL,
    kafka_partition    INTEGER NOT NULL,
    kafka_offset       BIGINT  NOT NULL
);

-- Per group and partition, the next offset to read: written in the same transaction as the events.
CREATE TABLE consumer_offsets (
    group_id        TEXT    NOT NULL,
    kafka_topic     TEXT    NOT NULL,
    kafka_partition INTEGER NOT NULL,
    next_offset     BIGINT  NOT NULL,
    PRIMARY KEY (group_id, kafka_topic, kafka_partition)
);
