-- Cloud-only: one cloud database serves every gym of a chain, so every row says which gym sent it.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['fitness_users', 'classes', 'workouts', 'exercises', 'biometric_data',
                             'coaching_sessions', 'user_achievements', 'fitness_stats', 'devices',
                             'pairings', 'camera_track_pairings']
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN gym_id varchar(32) NOT NULL', t);
        EXECUTE format('CREATE INDEX %I ON %I (gym_id)', t || '_gym_idx', t);
    END LOOP;
END $$;

-- Device ids are unique per gym, not across a chain.
ALTER TABLE devices DROP CONSTRAINT devices_pkey;
ALTER TABLE devices ADD PRIMARY KEY (gym_id, device_id);

-- The edge enforces who may hold a username, an email or an open pairing, at the moment it
-- happens. The cloud only mirrors committed edge state, gym by gym, so it keeps these lookups
-- as plain per-gym indexes instead of constraints that a chain-wide namespace would break.
DROP INDEX fitness_users_username_key;
DROP INDEX fitness_users_email_key;
DROP INDEX fitness_users_user_id_key;
CREATE INDEX fitness_users_gym_username_idx ON fitness_users (gym_id, lower(username));
CREATE INDEX fitness_users_gym_email_idx ON fitness_users (gym_id, lower(email));
DROP INDEX pairings_open_device_key;
DROP INDEX workouts_open_idx;
CREATE INDEX workouts_open_idx ON workouts (user_id) WHERE ended_at IS NULL;
DROP INDEX camera_track_pairings_open_key;
