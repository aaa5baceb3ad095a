package jipan.api;

import java.time.LocalDateTime;

/**
 * A job: its id, the file, when it started and was last updated, its latest report, the instance doing (or last
 * doing) it and when that instance last said it was alive (the store's clock).
 */
public record ImportJob(long id, String file, LocalDateTime startedAt, LocalDateTime updatedAt, ImportReport report,
                        String owner, LocalDateTime heartbeatAt, String store) {
}
