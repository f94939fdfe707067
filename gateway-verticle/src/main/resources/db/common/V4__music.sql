-- The class music recorded per workout and per class (Standard MIDI File, type 1), served at
-- GET /fitness/workouts/{id}/music.mid and GET /fitness/classes/{id}/music.mid. A file of a
-- class hour is a few hundred kilobytes, so it lives in the row with its owner's other data and
-- is erased, exported and replicated like it, instead of in a folder that backups could miss.
CREATE TABLE music_recordings (
    owner_kind   varchar(16) NOT NULL CHECK (owner_kind IN ('workout', 'class')),
    owner_id     uuid NOT NULL,
    midi         bytea NOT NULL,
    -- time-weighted mean tempo of the file (total beats over total time)
    mean_bpm     double precision NOT NULL,
    bars         integer NOT NULL,
    duration_ms  bigint NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_kind, owner_id)
);
