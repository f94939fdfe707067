-- Edge-only. A sequence number is taken when a row is written but becomes visible only when its
-- transaction commits, so numbers commit out of order: a reader that saw 12 may later find 11.
-- Every writer therefore holds a shared advisory lock (key 7_340_011) from its first number to its
-- commit; the replicator takes the same key exclusively for an instant, and once it holds it no
-- transaction with a number at or below the sequence's current value is still open. That value is
-- the horizon the replicator may read up to without ever skipping a late commit.
CREATE FUNCTION replication_next() RETURNS bigint AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7340011);
    RETURN nextval('replication_seq');
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION replication_touch() RETURNS trigger AS $$
BEGIN
    NEW.repl_seq := replication_next();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['fitness_users', 'classes', 'workouts', 'exercises', 'biometric_data',
                             'coaching_sessions', 'user_achievements', 'fitness_stats', 'devices',
                             'pairings', 'camera_track_pairings', 'replication_erasures', 'music_recordings']
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN repl_seq SET DEFAULT replication_next()', t);
    END LOOP;
END $$;
