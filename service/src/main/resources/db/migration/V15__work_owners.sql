-- Which instance does a classification run or an import, and when it last said it is alive (issue 25): an
-- instance that starts marks work interrupted only when its owner's heartbeat is older than a limit, and a run is
-- taken over (resumed by another instance) only then. Rows from before have no owner: taken as stale.
ALTER TABLE classification_run ADD COLUMN owner VARCHAR(200);
ALTER TABLE classification_run ADD COLUMN heartbeat_at TIMESTAMP;
ALTER TABLE import_job ADD COLUMN owner VARCHAR(200);
ALTER TABLE import_job ADD COLUMN heartbeat_at TIMESTAMP;
