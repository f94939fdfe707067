-- Cloud-only, after V5: like before, a plain per-gym index for looking up an email (now by its
-- keyed hash); each gym's edge enforces uniqueness with its own lookup key.
CREATE INDEX fitness_users_gym_email_idx ON fitness_users (gym_id, email_hash);
