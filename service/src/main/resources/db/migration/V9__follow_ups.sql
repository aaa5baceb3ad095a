-- The follow-ups the rules decided in a classification run (docs/domain.md §3.8): the call lists.
CREATE TABLE follow_up (
    run_id       BIGINT         NOT NULL REFERENCES classification_run (id),
    customer_id  VARCHAR(64)    NOT NULL REFERENCES customer (id),
    kind         VARCHAR(40)    NOT NULL,
    subject      VARCHAR(64)    NOT NULL,
    priority     INTEGER        NOT NULL,
    due          DATE,
    assignee     VARCHAR(20)    NOT NULL,
    reason       VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (run_id, customer_id, kind, subject)
);
CREATE INDEX follow_up_by_due ON follow_up (run_id, due, priority);
