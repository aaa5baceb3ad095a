-- What a follow-up rests on (the rules' basis: a last visit, a closing date, a promotion) and what became of the
-- tasks people worked (docs/domain.md §3.8). An outcome is kept per customer, kind, subject and basis: a later run
-- that raises the same task on the same basis does not list it again; a new basis is a new task.
ALTER TABLE follow_up ADD COLUMN basis VARCHAR(200) DEFAULT '' NOT NULL;

CREATE TABLE follow_up_outcome (
    customer_id  VARCHAR(64)    NOT NULL REFERENCES customer (id),
    kind         VARCHAR(40)    NOT NULL,
    subject      VARCHAR(64)    NOT NULL,
    basis        VARCHAR(200)   NOT NULL,
    outcome      VARCHAR(20)    NOT NULL,
    note         VARCHAR(1000),
    handled_by   VARCHAR(100)   NOT NULL,
    handled_at   TIMESTAMP      NOT NULL,
    run_id       BIGINT         NOT NULL REFERENCES classification_run (id),
    PRIMARY KEY (customer_id, kind, subject, basis)
);
CREATE INDEX follow_up_outcome_by_run ON follow_up_outcome (run_id);
