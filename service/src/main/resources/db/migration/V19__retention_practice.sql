-- The retention practice (issue 27): who received a repair order and who has a lead, when a complaint was answered
-- and resolved, who of a task's role does it, and what a recorded call learnt — why the customer left, and the
-- satisfaction they gave (kept as a survey row, which the outcome names so that a replaced outcome replaces it).
ALTER TABLE visit ADD COLUMN advisor VARCHAR(200);
ALTER TABLE sales_lead ADD COLUMN consultant VARCHAR(200);
ALTER TABLE complaint ADD COLUMN answered_on DATE;
ALTER TABLE complaint ADD COLUMN resolved_on DATE;
ALTER TABLE follow_up ADD COLUMN person VARCHAR(200);
ALTER TABLE follow_up_outcome ADD COLUMN person VARCHAR(200);
ALTER TABLE follow_up_outcome ADD COLUMN churn_reason VARCHAR(30);
ALTER TABLE follow_up_outcome ADD COLUMN satisfaction INTEGER;
ALTER TABLE follow_up_outcome ADD COLUMN survey_seq INTEGER;
CREATE INDEX follow_up_outcome_by_customer ON follow_up_outcome (customer_id);
CREATE INDEX follow_up_by_person ON follow_up (run_id, person);
