package jipan.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * Rows to hand over as a file: a workbook sheet ({@link XlsxTable}) or CSV ({@link CsvTable}) — its name, the row
 * type and the headers, the columns that hold ratios, and the columns a last row (labelled {@code totalLabel})
 * sums. The one description the report command and the REST downloads both write.
 */
public record Table(String sheetName, Class<? extends Record> type, List<String> headers, List<? extends Record> rows,
                    Set<String> percentColumns, Set<String> totalColumns, String totalLabel) {

    /** Rows with headers in English (the field names) or Chinese, no ratios and no total row. */
    public static Table of(String sheetName, Class<? extends Record> type, List<? extends Record> rows, boolean chinese) {
        return new Table(sheetName, type, ReportColumns.headers(type, chinese), rows, Set.of(), Set.of(), null);
    }

    /** The rows as a workbook of one sheet, written as it goes. */
    public void writeXlsx(OutputStream out) throws IOException {
        XlsxTable.write(out, sheetName, type, headers, rows, percentColumns, totalColumns, totalLabel);
    }

    /** The rows as CSV text (UTF-8 with its byte-order mark, for Excel). */
    public String csv() {
        return CsvTable.of(type, headers, rows, totalColumns, totalLabel);
    }
}
