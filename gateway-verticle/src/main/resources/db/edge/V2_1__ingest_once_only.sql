-- Edge-only: what the reading journal needs for the contract's once-only rule (see MessageKey).
-- kind 1: a timestamped message, named by its content; kept while such a ts is accepted (24 h).
-- kind 2: a message without ts, named by packet id, topic and payload; kept from its commit until
--         the broker reuses its packet id, which proves our acknowledgement reached it.
CREATE TABLE ingest_messages (
    key          bytea PRIMARY KEY,
    kind         smallint NOT NULL,
    mid          integer,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_messages_received_idx ON ingest_messages (received_at);
CREATE INDEX ingest_messages_mid_idx ON ingest_messages (mid) WHERE kind = 2;
