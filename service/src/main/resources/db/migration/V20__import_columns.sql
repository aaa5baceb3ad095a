-- What an import made of the file's header row: headers it did not understand and fields without a column.
ALTER TABLE import_job ADD COLUMN columns_json VARCHAR(100000);
