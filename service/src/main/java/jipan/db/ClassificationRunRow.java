package jipan.db;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of {@code classification_run}. */
public record ClassificationRunRow(long id, LocalDate asOf, String rulesetVersion, String status, int customersTotal,
                                   int customersDone, LocalDateTime startedAt, LocalDateTime finishedAt,
                                   String error, String owner, LocalDateTime heartbeatAt,
                                   LocalDateTime customersUntil, String store) {
}
