package jipan.api;

import java.util.List;

/**
 * Where an import stands: rows read, rows imported (committed or already stored as they are), rows rejected
 * with their reasons. {@code errors} holds the first 10,000 rejections; {@code rejected} counts all. {@code
 * imported} splits into {@code created} (new keys), {@code updated} (stored, now changed) and {@code
 * unchanged}; {@code format} is {@code csv} or {@code xlsx}, {@code titleRows} the lines above the header row
 * that were skipped; {@code columns} the headers not understood and the fields without a column.
 */
public record ImportReport(String kind, String encoding, Status status, long rowsRead, long imported, long rejected,
                           List<RowError> errors, String failure, String format, long titleRows, long created,
                           long updated, long unchanged, ColumnReport columns) {

    /** Where an import stands: waiting, reading, finished, failed, or cut off by a stop of the service. */
    public enum Status { QUEUED, RUNNING, DONE, FAILED, INTERRUPTED }
}
