-- The lifecycle stage the rules gave each vehicle in a classification run, for the structure by stage.
CREATE TABLE classification_vehicle (
    run_id       BIGINT       NOT NULL REFERENCES classification_run (id),
    vin          VARCHAR(17)  NOT NULL,
    customer_id  VARCHAR(64)  NOT NULL,
    lifecycle    VARCHAR(30),
    PRIMARY KEY (run_id, vin)
);
