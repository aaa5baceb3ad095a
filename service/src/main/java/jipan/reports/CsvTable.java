package jipan.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes report rows (records) as CSV: a header of the record's field names, one line per row, UTF-8 with a
 * byte-order mark so that Excel opens Chinese text correctly. Text that starts like a formula ({@code =},
 * {@code +}, {@code -}, {@code @}, tab, carriage return) is written with a leading apostrophe, so a customer
 * named {@code =HYPERLINK(…)} stays a name in a manager's spreadsheet; numbers are written as they are.
 */
public final class CsvTable {
    /** Characters that make a spreadsheet read a cell as a formula (or, tab and CR, hide one). */
    private static final String FORMULA_START = "=+-@\t\r";
    private CsvTable() {
    }

    /** The rows under a header of the record's field names. */
    public static String of(Class<? extends Record> type, List<? extends Record> rows) {
        return of(type, Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList(), rows, Set.of(),
                null);
    }

    /**
     * The rows under {@code headers} (one per field of {@code type}); when {@code totalColumns} is not empty, a
     * last row labelled {@code totalLabel} in the first column with the sum of each of those columns.
     */
    public static String of(Class<? extends Record> type, List<String> headers, List<? extends Record> rows,
                            Set<String> totalColumns, String totalLabel) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(headers.stream().map(CsvTable::text).collect(Collectors.joining(","))).append("\r\n");
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Record row : rows) {
            csv.append(Stream.of(columns).map(column -> {
                Object value = ReportColumns.value(column, row);
                if (totalColumns.contains(column.getName()) && value instanceof Number number) {
                    totals.merge(column.getName(), new BigDecimal(number.toString()), BigDecimal::add);
                }
                return cell(value);
            }).collect(Collectors.joining(","))).append("\r\n");
        }
        if (!totalColumns.isEmpty()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                String name = columns[i].getName();
                cells.add(totalColumns.contains(name) ? totals.getOrDefault(name, BigDecimal.ZERO).toPlainString()
                        : i == 0 ? text(totalLabel) : "");
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** One CSV line of text cells (CRLF-terminated), each formula-safe and quoted as needed. */
    public static String line(List<String> cells) {
        return cells.stream().map(cell -> text(cell == null ? "" : cell)).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        return text(value == null ? "" : Objects.toString(value));
    }

    private static String text(String value) {
        String text = value;
        if (FORMULA_START.indexOf(text.isEmpty() ? 'x' : text.charAt(0)) >= 0) {
            // text from the data that Excel would run as a formula (OWASP CSV injection): shown as text
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith("'") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
