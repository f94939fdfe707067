-- Edge-only: referential integrity (erasing a profile erases everything of it), local accounts,
-- and the bookkeeping that lets the replicator send each change to the cloud exactly once.

ALTER TABLE workouts ADD CONSTRAINT workouts_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE workouts ADD CONSTRAINT workouts_class_fk
    FOREIGN KEY (class_id) REFERENCES classes (id) ON DELETE SET NULL;
ALTER TABLE exercises ADD CONSTRAINT exercises_workout_fk
    FOREIGN KEY (workout_id) REFERENCES workouts (id) ON DELETE CASCADE;
ALTER TABLE biometric_data ADD CONSTRAINT biometric_data_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE coaching_sessions ADD CONSTRAINT coaching_sessions_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE user_achievements ADD CONSTRAINT user_achievements_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE fitness_stats ADD CONSTRAINT fitness_stats_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE pairings ADD CONSTRAINT pairings_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;
ALTER TABLE camera_track_pairings ADD CONSTRAINT camera_track_pairings_user_fk
    FOREIGN KEY (user_id) REFERENCES fitness_users (id) ON DELETE CASCADE;

-- Who may log in, with which role. An athlete's account points at their profile; staff accounts
-- (admin, coach, device) need none. Passwords are PBKDF2 hashes, never plaintext.
CREATE TABLE accounts (
    id             uuid PRIMARY KEY,
    username       varchar(255) NOT NULL,
    password_hash  varchar(512),
    role           varchar(20) NOT NULL CHECK (role IN ('athlete', 'coach', 'admin', 'device')),
    user_id        uuid REFERENCES fitness_users (id) ON DELETE CASCADE,
    disabled       boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));
CREATE UNIQUE INDEX accounts_user_key ON accounts (user_id) WHERE user_id IS NOT NULL;

-- Every insert or update of a replicated row takes the next number of one sequence; the
-- replicator sends rows above its per-table cursor and moves the cursor only after the cloud
-- commits. An update after a send gives the row a new number, so it is sent again.
CREATE SEQUENCE replication_seq;

CREATE FUNCTION replication_touch() RETURNS trigger AS $$
BEGIN
    NEW.repl_seq := nextval('replication_seq');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
    t text;
BEGIN
    -- readings are insert-only: a column default is enough and keeps the group commit cheap
    ALTER TABLE biometric_data ADD COLUMN repl_seq bigint NOT NULL DEFAULT nextval('replication_seq');
    CREATE INDEX biometric_data_repl_idx ON biometric_data (repl_seq);
    ALTER TABLE coaching_sessions ADD COLUMN repl_seq bigint NOT NULL DEFAULT nextval('replication_seq');
    CREATE INDEX coaching_sessions_repl_idx ON coaching_sessions (repl_seq);
    FOREACH t IN ARRAY ARRAY['fitness_users', 'classes', 'workouts', 'exercises', 'user_achievements',
                             'fitness_stats', 'devices', 'pairings', 'camera_track_pairings']
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN repl_seq bigint NOT NULL DEFAULT nextval(''replication_seq'')', t);
        EXECUTE format('CREATE INDEX %I ON %I (repl_seq)', t || '_repl_idx', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION replication_touch()',
                       t || '_repl_touch', t);
    END LOOP;
END $$;

CREATE TABLE replication_cursor (
    table_name     varchar(64) PRIMARY KEY,
    confirmed_seq  bigint NOT NULL DEFAULT 0,
    last_success   timestamptz,
    last_error     text,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Erasures the cloud must apply too: the profile is gone from the edge, so its id is kept here.
CREATE TABLE replication_erasures (
    user_id       uuid PRIMARY KEY,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    repl_seq      bigint NOT NULL DEFAULT nextval('replication_seq')
);
