-- A dealer group (issue 31): every customer belongs to one 4S store, and its vehicles, repair orders, leads and
-- every other fact with it. Data stored before stores existed belongs to the store 'default'.
ALTER TABLE customer ADD COLUMN store VARCHAR(20) DEFAULT 'default' NOT NULL;
CREATE INDEX customer_by_store ON customer (store, id);

-- A run classifies one store's customers, or (NULL) the whole group's.
ALTER TABLE classification_run ADD COLUMN store VARCHAR(20);

-- An import loads one store's file.
ALTER TABLE import_job ADD COLUMN store VARCHAR(20) DEFAULT 'default' NOT NULL;
