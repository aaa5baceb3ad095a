-- A challenger (docs/domain.md §6.6): a stored rule version every classification run also classifies with. Its
-- answers are kept apart from the run's own results and never reach a call list.
CREATE TABLE rule_challenger (
    id         INTEGER        PRIMARY KEY,
    seq        BIGINT         NOT NULL REFERENCES rule_version (seq),
    named_by   VARCHAR(100)   NOT NULL,
    named_at   TIMESTAMP      NOT NULL
);

CREATE TABLE challenger_result (
    run_id           BIGINT        NOT NULL REFERENCES classification_run (id),
    customer_id      VARCHAR(64)   NOT NULL REFERENCES customer (id),
    ruleset_version  VARCHAR(80)   NOT NULL,
    tier             VARCHAR(20),
    churn            VARCHAR(20),
    base_grade       VARCHAR(20),
    PRIMARY KEY (run_id, customer_id)
);
