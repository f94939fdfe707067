-- Edge-only. A row the cloud refuses (a constraint or a value it does not accept) must not stop
-- its table: the replicator splits the refused batch until it finds the row, keeps it here with
-- the cloud's reason, and moves on. An edge update of the row gives it a new number, so it is
-- tried again; its entry stays here as a record of the refusal.
CREATE TABLE replication_quarantine (
    id              bigserial PRIMARY KEY,
    table_name      varchar(64) NOT NULL,
    row_key         text NOT NULL,
    row_seq         bigint NOT NULL,
    sqlstate        varchar(5),
    error           text NOT NULL,
    quarantined_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX replication_quarantine_at_idx ON replication_quarantine (quarantined_at);
