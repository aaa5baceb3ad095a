package jipan.api;

import java.util.List;

/**
 * What an import made of the file's header row: the headers it did not understand, each with the field and the
 * known header it most resembles (when one does), and the optional fields it found no column for. A column
 * listed here was not read; the dealer names it once under {@code imports.headers} in the configuration.
 */
public record ColumnReport(List<UnknownHeader> unknownHeaders, List<String> missingFields) {
    public static final ColumnReport NONE = new ColumnReport(List.of(), List.of());

    /** A header no field is known by; {@code field} and {@code knownHeader} are the nearest guess, or null. */
    public record UnknownHeader(String header, String field, String knownHeader) {
        @Override
        public String toString() {
            return "'" + header + "'" + (field == null ? "" : " (did you mean " + field + ", as '" + knownHeader + "'?)");
        }
    }
}
