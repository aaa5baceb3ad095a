package jipan.api;

import java.util.List;

/**
 * Where an import stands: rows read, rows stored (committed), rows rejected with their reasons.
 * {@code errors} holds the first few hundred (the importer's limit) rejections; {@code rejected} counts all.
 */
public record ImportReport(String kind, String encoding, Status status, long rowsRead, long imported, long rejected,
                           List<RowError> errors, String failure) {

    /** Where an import stands: waiting, reading, finished, failed, or cut off by a stop of the service. */
    public enum Status { QUEUED, RUNNING, DONE, FAILED, INTERRUPTED }
}
