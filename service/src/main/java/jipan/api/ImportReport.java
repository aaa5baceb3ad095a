package jipan.api;

import java.util.List;

/**
 * Where an import stands: rows read, rows stored (committed), rows rejected with their reasons.
 * {@code errors} holds the first few hundred (the importer's limit) rejections; {@code rejected} counts all.
 */
public record ImportReport(String kind, String encoding, String status, long rowsRead, long imported, long rejected,
                           List<RowError> errors, String failure) {
}
