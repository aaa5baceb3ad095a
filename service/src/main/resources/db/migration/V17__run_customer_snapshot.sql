-- A classification run classifies the customers stored when it started (issue 25): a customer an import adds
-- during the run — or while a stopped run waits to be resumed — is in the next run, so a run's customers_done
-- ends equal to its customers_total and every one of them is classified exactly once. Customers stored before
-- this migration count as added now (before any run that follows).
ALTER TABLE customer ADD COLUMN added_at TIMESTAMP DEFAULT LOCALTIMESTAMP NOT NULL;
ALTER TABLE classification_run ADD COLUMN customers_until TIMESTAMP;
