package jipan.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Import settings. {@code headers} adds a dealer's own column headers to the defaults, per kind and field;
 * {@code values} the dealer's own words for coded values, per type (payType, serviceType, leadStatus,
 * defeatReason, customerKind), each mapped to one of jipan's names:
 * <pre>
 * imports:
 *   headers:
 *     repair-orders:
 *       roNumber: [单号]
 *       date: [日期]
 *   values:
 *     payType: {免费: WARRANTY}
 *     leadStatus: {已战败: DEFEATED}
 *     defeatReason: {价格太高: PRICE}
 * </pre>
 */
public class ImportSettings {
    @Min(1)
    private int batchSize = 1_000;
    /** The largest upload taken over REST, in MiB: it is kept in the store until the import ends. */
    @Min(1)
    private int maxUploadMegabytes = 200;
    private Map<String, Map<String, List<String>>> headers = new HashMap<>();
    private Map<String, Map<String, String>> values = new HashMap<>();

    @JsonProperty public int getBatchSize() { return batchSize; }
    @JsonProperty public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    @JsonProperty public int getMaxUploadMegabytes() { return maxUploadMegabytes; }
    @JsonProperty public void setMaxUploadMegabytes(int maxUploadMegabytes) { this.maxUploadMegabytes = maxUploadMegabytes; }
    @JsonProperty public Map<String, Map<String, List<String>>> getHeaders() { return headers; }
    @JsonProperty public void setHeaders(Map<String, Map<String, List<String>>> headers) { this.headers = headers; }
    @JsonProperty public Map<String, Map<String, String>> getValues() { return values; }
    @JsonProperty public void setValues(Map<String, Map<String, String>> values) { this.values = values; }

    /** The dealer's words by type; an unknown type or a word mapped to no such name is a configuration error. */
    public Map<String, Map<String, String>> dealerWords() {
        values.forEach((type, words) -> {
            Class<? extends Enum<?>> constants = CsvValues.WORD_TYPES.get(type);
            if (constants == null) {
                throw new IllegalArgumentException("imports.values." + type + ": no such type; values can be given for "
                        + new TreeSet<>(CsvValues.WORD_TYPES.keySet()));
            }
            List<String> names = Arrays.stream(constants.getEnumConstants()).map(Enum::name).toList();
            words.forEach((word, name) -> {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("imports.values." + type + "." + word + ": '" + name
                            + "' is not one of " + names);
                }
            });
        });
        return values;
    }

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

    public DmsImporter importer(Jdbi jdbi) {
        return new DmsImporter(jdbi, dealerHeaders(), dealerWords(), batchSize);
    }
}
