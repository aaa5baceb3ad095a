-- Imports: the file's format and the title lines above its header, the imported rows split into created /
-- updated / unchanged, and the rejected rows as read (header and cells, JSON) for the rejected-rows file.
ALTER TABLE import_job ADD COLUMN format VARCHAR(10);
ALTER TABLE import_job ADD COLUMN title_rows BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN created BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN updated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN unchanged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN rejected_rows_json VARCHAR(10000000);
