package jipan.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV import settings. {@code headers} adds a dealer's own column headers to the defaults, per kind and field:
 * <pre>
 * imports:
 *   headers:
 *     repair-orders:
 *       roNumber: [单号]
 *       date: [日期]
 * </pre>
 */
public class ImportSettings {
    @Min(1)
    private int batchSize = 1_000;
    private Map<String, Map<String, List<String>>> headers = new HashMap<>();

    @JsonProperty public int getBatchSize() { return batchSize; }
    @JsonProperty public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    @JsonProperty public Map<String, Map<String, List<String>>> getHeaders() { return headers; }
    @JsonProperty public void setHeaders(Map<String, Map<String, List<String>>> headers) { this.headers = headers; }

    /** The dealer's headers by kind; an unknown kind or field name is a configuration error. */
    public Map<ImportKind, Map<String, List<String>>> dealerHeaders() {
        Map<ImportKind, Map<String, List<String>>> byKind = new EnumMap<>(ImportKind.class);
        headers.forEach((kindName, fields) -> {
            ImportKind kind = ImportKind.fromCliName(kindName);
            fields.keySet().forEach(field -> {
                if (!kind.defaultHeaders().containsKey(field)) {
                    throw new IllegalArgumentException("imports.headers." + kindName + "." + field + ": no such field; "
                            + kindName + " has " + kind.defaultHeaders().keySet());
                }
            });
            byKind.put(kind, fields);
        });
        return byKind;
    }

    public CsvImporter importer(org.jdbi.v3.core.Jdbi jdbi) {
        return new CsvImporter(jdbi, dealerHeaders(), batchSize);
    }
}
