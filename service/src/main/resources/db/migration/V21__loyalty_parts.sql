-- The four parts of each stored loyalty score, for the loyalty report's averages (runs stored before have none).
ALTER TABLE classification_result ADD COLUMN loyalty_satisfaction INTEGER;
ALTER TABLE classification_result ADD COLUMN loyalty_maintenance INTEGER;
ALTER TABLE classification_result ADD COLUMN loyalty_activity INTEGER;
ALTER TABLE classification_result ADD COLUMN loyalty_advocacy INTEGER;
