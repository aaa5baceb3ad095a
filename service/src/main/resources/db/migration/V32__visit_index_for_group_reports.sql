-- A dealer group's repair orders (issue 31, measured in docs/performance.md).
-- The retained report of one store reads that store's customer-pay visits through their customers. Its index,
-- (customer_id, visit_date), lacked the pay type, so each of those visits was read from the table: on H2 with
-- 7.7 M repair orders that made the league table take minutes per store. With the pay type in the index the
-- report reads the index alone.
DROP INDEX visit_by_customer_date;
CREATE INDEX visit_by_customer_date_pay ON visit (customer_id, visit_date, pay_type);
-- (visit_date) alone is the start of visit_by_date_customer_amount and visit_by_date_vin_amount: every repair
-- order written paid for a third index on its date.
DROP INDEX visit_by_date;
