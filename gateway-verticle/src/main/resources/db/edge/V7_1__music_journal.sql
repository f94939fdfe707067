-- What the music needs to carry on after a restart. These tables are the box's own working state
-- (each box plays its own music) and are not replicated: the cloud gets the finished recordings.

-- Every planned bar's tempo and style. A bar's notes are a pure function of the groove seed, its
-- index, style and tempo, so these few bytes rebuild the recordings that were open when the box
-- stopped. Bars older than the first bar of every open recording are deleted.
CREATE TABLE music_bars (
    seq        bigint PRIMARY KEY CHECK (seq >= 0),
    seed       bigint NOT NULL,
    bpm        double precision NOT NULL CHECK (bpm > 0),
    style      varchar(16) NOT NULL,
    planned_at timestamptz NOT NULL DEFAULT now()
);

-- The recordings in progress and the bar each began with; a row goes when its file is stored.
CREATE TABLE music_open_recordings (
    owner_kind varchar(16) NOT NULL CHECK (owner_kind IN ('workout', 'class')),
    owner_id   uuid NOT NULL,
    first_seq  bigint NOT NULL CHECK (first_seq >= 0),
    PRIMARY KEY (owner_kind, owner_id)
);

CREATE FUNCTION music_open_recordings_erase() RETURNS trigger AS $$
BEGIN
    DELETE FROM music_open_recordings WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workouts_music_open_erase AFTER DELETE ON workouts
    FOR EACH ROW EXECUTE FUNCTION music_open_recordings_erase('workout');

-- The coach's music settings (PUT /fitness/music), which outlive a restart; one row per box.
CREATE TABLE music_settings (
    id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    mode       varchar(16) NOT NULL,
    style      varchar(16) NOT NULL,
    min_bpm    double precision NOT NULL,
    max_bpm    double precision NOT NULL,
    manual_bpm double precision,
    updated_at timestamptz NOT NULL DEFAULT now()
);
