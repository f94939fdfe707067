-- Tables shared by the edge store and the cloud store. Column names follow the Fitness
-- Training Module specification; ids are UUIDs, times are timestamptz, JSON is jsonb.
-- Foreign keys and replication bookkeeping are edge-only (db/edge): the cloud receives
-- tables in independent batches, so it cannot demand parent rows first.

CREATE TABLE fitness_users (
    id                        uuid PRIMARY KEY,
    user_id                   varchar(255) NOT NULL,
    username                  varchar(255) NOT NULL,
    email                     varchar(255) NOT NULL,
    age                       integer,
    gender                    varchar(20),
    height_cm                 double precision,
    weight_kg                 double precision,
    fitness_level             varchar(50),
    primary_goal              varchar(50),
    secondary_goals           jsonb NOT NULL DEFAULT '[]',
    resting_heart_rate        double precision,
    max_heart_rate            double precision,
    vo2_max                   double precision,
    preferred_workout_time    varchar(50),
    preferred_intensity       varchar(50),
    workout_duration_minutes  integer DEFAULT 45,
    workouts_per_week         integer DEFAULT 3,
    linked_wearables          jsonb NOT NULL DEFAULT '{}',
    camera_enabled            boolean NOT NULL DEFAULT false,
    microphone_enabled        boolean NOT NULL DEFAULT false,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    last_login                timestamptz,
    active                    boolean NOT NULL DEFAULT true
);
-- usernames and emails are unique regardless of case: "John" and "john" are one person at the desk
CREATE UNIQUE INDEX fitness_users_username_key ON fitness_users (lower(username));
CREATE UNIQUE INDEX fitness_users_email_key ON fitness_users (lower(email));
CREATE UNIQUE INDEX fitness_users_user_id_key ON fitness_users (user_id);

CREATE TABLE classes (
    id          uuid PRIMARY KEY,
    name        varchar(255) NOT NULL,
    coach_id    uuid,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    summary     jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workouts (
    id                     uuid PRIMARY KEY,
    user_id                uuid NOT NULL,
    class_id               uuid,
    name                   varchar(255) NOT NULL,
    description            text,
    workout_type           varchar(50) NOT NULL,
    intensity              varchar(50),
    started_at             timestamptz NOT NULL,
    ended_at               timestamptz,
    duration_minutes       integer,
    total_calories_burned  double precision DEFAULT 0.0,
    average_heart_rate     double precision,
    max_heart_rate         double precision,
    min_heart_rate         double precision,
    total_steps            integer DEFAULT 0,
    distance_km            double precision DEFAULT 0.0,
    elevation_m            double precision DEFAULT 0.0,
    mood_before            varchar(20),
    mood_after             varchar(20),
    energy_before          integer,
    energy_after           integer,
    pain_level             integer,
    music_playlist_id      varchar(255),
    adaptive_music_bpm     integer,
    motivational_cues      jsonb NOT NULL DEFAULT '[]',
    form_corrections       jsonb NOT NULL DEFAULT '[]',
    ai_feedback            text,
    completed              boolean NOT NULL DEFAULT false,
    notes                  text,
    location               varchar(255),
    weather_conditions     varchar(255),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workouts_user_started_idx ON workouts (user_id, started_at DESC);
-- a user has at most one open workout; it is looked up for every reading's context
CREATE UNIQUE INDEX workouts_open_idx ON workouts (user_id) WHERE ended_at IS NULL;

CREATE TABLE exercises (
    id                            uuid PRIMARY KEY,
    workout_id                    uuid NOT NULL,
    name                          varchar(255) NOT NULL,
    description                   text,
    exercise_type                 varchar(50) NOT NULL,
    muscle_groups                 jsonb NOT NULL DEFAULT '[]',
    sets                          integer,
    reps                          integer,
    reps_counted                  integer,
    weight_kg                     double precision,
    duration_seconds              integer,
    distance_m                    double precision,
    form_score                    double precision DEFAULT 0.0,
    form_issues                   jsonb NOT NULL DEFAULT '[]',
    recommended_form_corrections  jsonb NOT NULL DEFAULT '[]',
    pose_detection_data           jsonb,
    audio_coaching                text,
    difficulty_rating             integer,
    started_at                    timestamptz,
    ended_at                      timestamptz,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exercises_workout_idx ON exercises (workout_id);

CREATE TABLE biometric_data (
    id                uuid PRIMARY KEY,
    user_id           uuid NOT NULL,
    biometric_type    varchar(50) NOT NULL,
    value             double precision NOT NULL,
    unit              varchar(50) NOT NULL,
    measurement_time  timestamptz NOT NULL,
    context           varchar(50),
    device_type       varchar(50),
    device_id         varchar(255),
    confidence_score  double precision DEFAULT 1.0,
    raw_data          jsonb,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX biometric_data_user_type_time_idx ON biometric_data (user_id, biometric_type, measurement_time);

-- One row per analysis served (pose, emotional state, stress level), request and result kept.
CREATE TABLE coaching_sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid,
    workout_id    uuid,
    exercise_id   uuid,
    analysis_type varchar(50) NOT NULL,
    exercise_name varchar(255),
    request       jsonb NOT NULL,
    result        jsonb NOT NULL,
    form_score    double precision,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coaching_sessions_user_idx ON coaching_sessions (user_id, created_at);

-- Personal records (one current row per kind and exercise) and milestones (one row each).
CREATE TABLE user_achievements (
    id                uuid PRIMARY KEY,
    user_id           uuid NOT NULL,
    achievement_type  varchar(50) NOT NULL,
    exercise_name     varchar(255) NOT NULL DEFAULT '',
    value             double precision NOT NULL,
    unit              varchar(50),
    workout_id        uuid,
    achieved_at       timestamptz NOT NULL,
    details           jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_achievements_kind_key ON user_achievements (user_id, achievement_type, exercise_name);

CREATE TABLE fitness_stats (
    id                            uuid PRIMARY KEY,
    user_id                       uuid NOT NULL,
    total_workouts                integer NOT NULL DEFAULT 0,
    total_workout_hours           double precision NOT NULL DEFAULT 0,
    total_calories_burned         double precision NOT NULL DEFAULT 0,
    total_distance_km             double precision NOT NULL DEFAULT 0,
    total_steps                   bigint NOT NULL DEFAULT 0,
    current_workout_streak        integer NOT NULL DEFAULT 0,
    longest_workout_streak        integer NOT NULL DEFAULT 0,
    avg_workout_duration_minutes  double precision,
    avg_heart_rate                double precision,
    avg_calories_per_workout      double precision,
    max_heart_rate_recorded       double precision,
    longest_workout_minutes       double precision,
    weekly_improvement_percent    double precision,
    monthly_improvement_percent   double precision,
    form_accuracy_trend           double precision,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX fitness_stats_user_key ON fitness_stats (user_id);

-- Devices the box has seen (straps, machines); ids are normalised (12 hex digits for a MAC).
CREATE TABLE devices (
    device_id    varchar(64) PRIMARY KEY,
    kind         varchar(20) NOT NULL,
    device_type  varchar(50),
    label        varchar(255),
    bridge_id    varchar(64),
    first_seen   timestamptz NOT NULL DEFAULT now(),
    last_seen    timestamptz,
    rssi         integer,
    battery      integer,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A pairing is open while ended_at is null; history is kept so readings can be audited.
CREATE TABLE pairings (
    id            uuid PRIMARY KEY,
    device_id     varchar(64) NOT NULL,
    user_id       uuid NOT NULL,
    kind          varchar(20) NOT NULL,
    paired_at     timestamptz NOT NULL,
    ended_at      timestamptz,
    ended_reason  varchar(50),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX pairings_open_device_key ON pairings (device_id) WHERE ended_at IS NULL;

CREATE TABLE camera_track_pairings (
    id          uuid PRIMARY KEY,
    camera_id   varchar(64) NOT NULL,
    track       varchar(64) NOT NULL,
    user_id     uuid NOT NULL,
    exercise    varchar(255),
    paired_at   timestamptz NOT NULL,
    ended_at    timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX camera_track_pairings_open_key ON camera_track_pairings (camera_id, track) WHERE ended_at IS NULL;
