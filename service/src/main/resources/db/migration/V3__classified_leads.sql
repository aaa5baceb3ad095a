-- The category and flags the rules gave each lead in a classification run, for the defeat analysis.
CREATE TABLE classification_lead (
    run_id       BIGINT        NOT NULL REFERENCES classification_run (id),
    lead_id      VARCHAR(64)   NOT NULL,
    customer_id  VARCHAR(64)   NOT NULL,
    category     VARCHAR(40),
    action       VARCHAR(200),
    conquest     BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (run_id, lead_id)
);
