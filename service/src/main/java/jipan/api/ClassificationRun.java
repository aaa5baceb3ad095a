package jipan.api;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A classification run of the stored base: as of which date, with which rule set, its status (RUNNING, DONE,
 * FAILED, INTERRUPTED), progress, when it started and finished, and why it failed; {@code owner} is the instance
 * doing (or last doing) it and {@code heartbeatAt} when that instance last said it was alive (the store's clock);
 * {@code store} the 4S store whose customers it classified (null: every store's).
 */
public record ClassificationRun(long id, LocalDate asOf, String rulesetVersion, Status status, int customersTotal,
                                int customersDone, LocalDateTime startedAt, LocalDateTime finishedAt, String error,
                                String owner, LocalDateTime heartbeatAt, String store) {

    /** Where a run stands. */
    public enum Status { RUNNING, DONE, FAILED, INTERRUPTED }
}
