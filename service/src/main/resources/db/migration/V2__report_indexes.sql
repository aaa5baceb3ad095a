-- Indexes the reports read: a customer's or a vehicle's visits by date, and a window of visits with what
-- the structure table sums (customer and amount), so those queries need not touch the table rows.
CREATE INDEX visit_by_customer_date ON visit (customer_id, visit_date);
CREATE INDEX visit_by_vin_date ON visit (vin, visit_date);
CREATE INDEX visit_by_date_customer_amount ON visit (visit_date, customer_id, amount);
