package jipan.api;

import java.util.List;

/**
 * A report as {@code GET /api/v1/reports} lists it: its name (the {@code report} command's argument), where
 * it is served, its titles and descriptions (English and Chinese), its parameters and its columns.
 */
public record ReportDescription(String name, String url, String title, String titleZh, String description,
                                String descriptionZh,
                                boolean singleRow, List<Parameter> parameters, List<Column> columns) {

    /**
     * A parameter: its query name, command-line flag, kind, whether required, help (English and Chinese), choices
     * and default.
     */
    public record Parameter(String name, String flag, Kind kind, boolean required, String help, String helpZh,
                            List<String> choices, String defaultValue) {
    }

    /** What a parameter takes. */
    public enum Kind { DATE, MONTH, RUN, CHOICE, TEXT }

    /** A column: its field name (the English header), its Chinese header, whether it is a ratio (percentage) and
     * whether a totals row sums it. */
    public record Column(String name, String chinese, boolean percent, boolean total) {
    }
}
