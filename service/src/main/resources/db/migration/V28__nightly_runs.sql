-- The nightly pipeline (issue 31): one row per store and night, inserted by the instance that takes it, so the
-- night runs once per store whichever instances are up; its steps are kept as they happened.
CREATE TABLE nightly_run (
    store         VARCHAR(20)      NOT NULL,
    night         DATE             NOT NULL,
    state         VARCHAR(20)      NOT NULL,
    owner         VARCHAR(200),
    heartbeat_at  TIMESTAMP,
    started_at    TIMESTAMP        NOT NULL,
    finished_at   TIMESTAMP,
    run_id        BIGINT,
    files         INTEGER          DEFAULT 0 NOT NULL,
    failed_files  INTEGER          DEFAULT 0 NOT NULL,
    steps         VARCHAR(100000)  DEFAULT '[]' NOT NULL,
    error         VARCHAR(2000),
    PRIMARY KEY (store, night)
);
