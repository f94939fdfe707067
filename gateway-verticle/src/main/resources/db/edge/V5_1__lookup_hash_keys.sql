-- Edge-only, after V5 (Java: encrypts emails and device ids, adds their keyed hashes). Emails stay
-- unique regardless of case: the hash is of the lower-cased email, so one index does what the
-- lower(email) index did, and keeps its name (the API maps a violation of it to 409 on "email").
CREATE UNIQUE INDEX fitness_users_email_key ON fitness_users (email_hash);
CREATE INDEX biometric_data_device_hash_idx ON biometric_data (device_id_hash);
