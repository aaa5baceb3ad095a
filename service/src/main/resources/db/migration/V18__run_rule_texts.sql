-- What each rule of a run says, in Chinese and in English (issue 26): its display names, the sentences its
-- reasons are put together from, and a lead's follow-up action in Chinese. A result stored in format 3 keeps only which rule said it, with which values,
-- and is read in either language with these. Runs stored before have none: their sentences were stored in English.
ALTER TABLE classification_run_rule ADD COLUMN name_en VARCHAR(1000);
ALTER TABLE classification_run_rule ADD COLUMN name_zh VARCHAR(1000);
ALTER TABLE classification_run_rule ADD COLUMN say_en VARCHAR(1000);
ALTER TABLE classification_run_rule ADD COLUMN say_zh VARCHAR(1000);
ALTER TABLE classification_run_rule ADD COLUMN action_zh VARCHAR(1000);
