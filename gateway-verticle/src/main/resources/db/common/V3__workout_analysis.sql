-- What the athlete actors add to a finished workout: effort points and high-zone minutes
-- (Myzone-style), minutes per heart-rate zone, Banister and Edwards TRIMP, and the HRmax the
-- zones were computed with (it may be raised at the end of the workout).
ALTER TABLE workouts ADD COLUMN effort_points double precision;
ALTER TABLE workouts ADD COLUMN minutes_high_zone double precision;
ALTER TABLE workouts ADD COLUMN zone_minutes jsonb;
ALTER TABLE workouts ADD COLUMN trimp double precision;
ALTER TABLE workouts ADD COLUMN edwards_trimp double precision;
ALTER TABLE workouts ADD COLUMN hr_max_used double precision;
