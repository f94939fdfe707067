-- Cloud-only: like every cloud row, a recording says which gym sent it; ids are unique per gym.
ALTER TABLE music_recordings ADD COLUMN gym_id varchar(32) NOT NULL;
CREATE INDEX music_recordings_gym_idx ON music_recordings (gym_id);
ALTER TABLE music_recordings DROP CONSTRAINT music_recordings_pkey;
ALTER TABLE music_recordings ADD PRIMARY KEY (gym_id, owner_kind, owner_id);
