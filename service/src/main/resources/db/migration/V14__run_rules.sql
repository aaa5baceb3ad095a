-- The rules a classification run's stored results name. A stored result (result_json, format 2) gives each of
-- its reasons as [rule number, sentence]: the rule's name and topic are here, once per run, not in every result.
CREATE TABLE classification_run_rule (
    run_id   BIGINT         NOT NULL REFERENCES classification_run (id),
    rule_no  INTEGER        NOT NULL,
    rule     VARCHAR(1000)  NOT NULL,
    topic    VARCHAR(200),
    PRIMARY KEY (run_id, rule_no)
);
