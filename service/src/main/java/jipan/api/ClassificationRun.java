package jipan.api;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A classification run of the stored base: as of which date, with which rule set, its status (RUNNING, DONE,
 * FAILED, INTERRUPTED), progress, when it started and finished, and why it failed.
 */
public record ClassificationRun(long id, LocalDate asOf, String rulesetVersion, Status status, int customersTotal,
                                int customersDone, LocalDateTime startedAt, LocalDateTime finishedAt, String error) {

    /** Where a run stands. */
    public enum Status { RUNNING, DONE, FAILED, INTERRUPTED }
}
