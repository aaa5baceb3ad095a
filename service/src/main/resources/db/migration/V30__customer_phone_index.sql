-- The group view of shared customers (issue 31) links two stores' customers by phone.
CREATE INDEX customer_by_phone ON customer (phone);
