package jipan.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The nightly pipeline: its schedule ({@code cron} in {@code timeZone}; null: it does not run) and the latest nights,
 * each a store's: where it stands (RUNNING, DONE, FAILED), the instance that ran it, the files it imported and how
 * many failed, the classification run it made, every step as it happened, and why it failed.
 */
public record NightlyStatus(String cron, String timeZone, List<Night> nights) {

    /** One store's night. */
    public record Night(String store, LocalDate night, String state, String owner, LocalDateTime startedAt,
                        LocalDateTime finishedAt, Long runId, int files, int failedFiles, List<String> steps,
                        String error) {
    }
}
