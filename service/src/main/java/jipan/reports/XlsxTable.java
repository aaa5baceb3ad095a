package jipan.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes report rows (records) as an Excel workbook (.xlsx): one sheet, a bold header row that stays in view
 * (frozen) with a filter, one row per record with real cell types — numbers as numbers ({@code #,##0} for counts,
 * {@code #,##0.00} for amounts, {@code 0.00%} for ratios), dates as dates, text as text (never a formula, whatever
 * it starts with) — and, when asked, a bold totals row. Streaming (POI's SXSSF): the workbook holds a window of
 * rows in memory and writes the rest to a compressed temporary file, deleted afterwards, so the workbook costs no
 * more heap for 100,000 rows than for 200.
 */
public final class XlsxTable {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing. */
    private static final int WINDOW = 200;

    private XlsxTable() {
    }

    /**
     * Writes the rows under {@code headers} (one per field of {@code type}) to {@code out}, on a sheet named
     * {@code sheetName}; {@code percentColumns} hold ratios; when {@code totalColumns} is not empty, a last row
     * labelled {@code totalLabel} sums those columns.
     */
    public static void write(OutputStream out, String sheetName, Class<? extends Record> type, List<String> headers,
                             List<? extends Record> rows, Set<String> percentColumns, Set<String> totalColumns,
                             String totalLabel) throws IOException {
        RecordComponent[] columns = type.getRecordComponents();
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, headers.get(c).length() * 2 + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, columns.length - 1));
            Map<String, BigDecimal> totals = new HashMap<>();
            int r = 1;
            for (Record record : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.length; c++) {
                    String name = columns[c].getName();
                    Object value = ReportColumns.value(columns[c], record);
                    if (totalColumns.contains(name) && value instanceof Number number) {
                        totals.merge(name, new BigDecimal(number.toString()), BigDecimal::add);
                    }
                    cell(row.createCell(c), value, percentColumns.contains(name), styles, false);
                }
            }
            if (!totalColumns.isEmpty()) {
                Row total = sheet.createRow(r);
                for (int c = 0; c < columns.length; c++) {
                    String name = columns[c].getName();
                    if (totalColumns.contains(name)) {
                        cell(total.createCell(c), totals.getOrDefault(name, BigDecimal.ZERO), false, styles, true);
                    } else if (c == 0) {
                        Cell label = total.createCell(0);
                        label.setCellValue(totalLabel);
                        label.setCellStyle(styles.totalText);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.close(); // also deletes the temporary files of the streamed rows
        }
    }

    private static void cell(Cell cell, Object value, boolean percent, Styles styles, boolean total) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            boolean whole = value instanceof Integer || value instanceof Long
                    || (value instanceof BigDecimal decimal && decimal.scale() <= 0);
            cell.setCellStyle(percent ? styles.percent : whole ? (total ? styles.totalCount : styles.count)
                    : (total ? styles.totalAmount : styles.amount));
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof Instant instant) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof YearMonth month) {
            cell.setCellValue(month.toString());
        } else {
            // a text cell: Excel shows it as it is, even when it starts with '=' (never a formula)
            cell.setCellValue(value.toString());
        }
    }

    /** The workbook's cell styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle count;
        final CellStyle amount;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalAmount;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            var format = workbook.createDataFormat();
            header = workbook.createCellStyle();
            header.setFont(bold);
            count = workbook.createCellStyle();
            count.setDataFormat(format.getFormat("#,##0"));
            amount = workbook.createCellStyle();
            amount.setDataFormat(format.getFormat("#,##0.00"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.00%"));
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
            totalText = workbook.createCellStyle();
            totalText.setFont(bold);
            totalCount = workbook.createCellStyle();
            totalCount.cloneStyleFrom(count);
            totalCount.setFont(bold);
            totalAmount = workbook.createCellStyle();
            totalAmount.cloneStyleFrom(amount);
            totalAmount.setFont(bold);
        }
    }
}
