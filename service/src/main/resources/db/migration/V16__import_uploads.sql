-- An import's upload is kept in the store, in parts of 1 MiB, until the import ends (issue 25): an instance that
-- takes over the import of one that stopped reads it from here, so no upload lives on one instance's disk only.
-- asked_encoding is the encoding the upload was sent with (NULL: detected), so a resumed import reads it alike.
CREATE TABLE import_upload (
    job_id  BIGINT  NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    part    INT     NOT NULL,
    bytes   BYTEA   NOT NULL,
    PRIMARY KEY (job_id, part)
);
ALTER TABLE import_job ADD COLUMN asked_encoding VARCHAR(40);
ALTER TABLE import_job ADD COLUMN upload_bytes BIGINT;
