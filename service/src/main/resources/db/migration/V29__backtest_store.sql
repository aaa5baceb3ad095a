-- A backtest of one store's customers (issue 31); NULL: of every store's. Only a backtest of every store's customers
-- gives the call lists' observed rates.
ALTER TABLE backtest ADD COLUMN store VARCHAR(20);
