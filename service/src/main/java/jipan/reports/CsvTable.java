package jipan.reports;

import java.lang.reflect.InvocationTargetException;
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

    public static String of(Class<? extends Record> type, List<? extends Record> rows) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(Stream.of(columns).map(RecordComponent::getName).collect(Collectors.joining(","))).append("\r\n");
        for (Record row : rows) {
            csv.append(Stream.of(columns).map(column -> cell(column, row)).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(RecordComponent column, Record row) {
        try {
            Object value = column.getAccessor().invoke(row);
            String text = value == null ? "" : Objects.toString(value);
            if (!(value instanceof Number) && FORMULA_START.indexOf(text.isEmpty() ? 'x' : text.charAt(0)) >= 0) {
                // text from the data that Excel would run as a formula (OWASP CSV injection): shown as text
                text = "'" + text;
            }
            return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                    || text.startsWith("'") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }
}
