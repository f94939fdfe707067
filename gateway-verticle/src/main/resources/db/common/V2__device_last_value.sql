-- The last values a device sent, for the unassigned list and GET /fitness/devices.
ALTER TABLE devices ADD COLUMN last_value jsonb;
