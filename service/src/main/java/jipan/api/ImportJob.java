package jipan.api;

import java.time.LocalDateTime;

/** A job: its id, the file, when it started and was last updated, and its latest report. */
public record ImportJob(long id, String file, LocalDateTime startedAt, LocalDateTime updatedAt, ImportReport report) {
}
