package jipan.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jipan.reports.CsvTable;
import jipan.reports.XlsxTable;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The rows an import left out, written back in the file's own format (CSV or xlsx) under the header it was
 * read with, each with a last column saying why: fix the cells, delete that column or not (the importer
 * ignores headers it does not know), import the file again. A cell is never written as a formula: in a CSV a
 * cell that starts like one is prefixed with {@code '} (and read back without it), in a workbook every cell is
 * text.
 */
public final class RejectedRows {
    /** The header of the column that says why a row was left out. */
    public static final String REASON_HEADER = "错误原因 Reason";

    private RejectedRows() {
    }

    /** The rejected-rows file's name for an input file: {@code 工单.xlsx} → {@code 工单.rejected.xlsx}. */
    public static String fileName(String inputName, String format) {
        return inputName.replaceAll("\\.(csv|xlsx|txt)$", "") + ".rejected." + format;
    }

    /** The file's extension and media type for a format name ({@code csv}, {@code xlsx}). */
    public static String mediaType(String format) {
        return "xlsx".equals(format) ? XlsxTable.MEDIA_TYPE : "text/csv;charset=utf-8";
    }

    public static void write(String format, List<String> header, List<DmsImporter.RejectedRow> rows, OutputStream out)
            throws IOException {
        List<String> headings = new ArrayList<>(header);
        headings.add(REASON_HEADER);
        if ("xlsx".equals(format)) {
            // shared strings, not inline ones: every reader (and POI editing the file) handles them the same
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, true)) {
                Sheet sheet = workbook.createSheet("rejected");
                text(sheet.createRow(0), headings);
                int at = 1;
                for (DmsImporter.RejectedRow rejected : rows) {
                    List<String> cells = padded(rejected.cells(), header.size());
                    cells.add(rejected.reason());
                    text(sheet.createRow(at++), cells);
                }
                sheet.createFreezePane(0, 1);
                workbook.write(out);
                workbook.dispose();
            }
            return;
        }
        StringBuilder csv = new StringBuilder("\uFEFF").append(CsvTable.line(headings));
        for (DmsImporter.RejectedRow rejected : rows) {
            List<String> cells = padded(rejected.cells(), header.size());
            cells.add(rejected.reason());
            csv.append(CsvTable.line(cells));
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The row's cells, as many as the header has (a short row filled with empty cells). */
    private static List<String> padded(List<String> cells, int width) {
        List<String> padded = new ArrayList<>(cells.subList(0, Math.min(cells.size(), Math.max(width, cells.size()))));
        while (padded.size() < width) {
            padded.add("");
        }
        return padded;
    }

    private static void text(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }
}
