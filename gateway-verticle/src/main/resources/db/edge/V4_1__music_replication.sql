-- Recordings replicate like the other mutable rows: a new number on every insert and update.
ALTER TABLE music_recordings ADD COLUMN repl_seq bigint NOT NULL DEFAULT nextval('replication_seq');
CREATE INDEX music_recordings_repl_idx ON music_recordings (repl_seq);
CREATE TRIGGER music_recordings_repl_touch BEFORE UPDATE ON music_recordings
    FOR EACH ROW EXECUTE FUNCTION replication_touch();

-- A workout's recording goes with the workout (erasing a profile erases its workouts).
CREATE FUNCTION music_recordings_erase() RETURNS trigger AS $$
BEGIN
    DELETE FROM music_recordings WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workouts_music_erase AFTER DELETE ON workouts
    FOR EACH ROW EXECUTE FUNCTION music_recordings_erase('workout');
