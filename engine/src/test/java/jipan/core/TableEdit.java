package jipan.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An analyst's edit of a decision table, as Excel would save it: cells set, rows inserted. For tests. */
public final class TableEdit {
    private final XSSFWorkbook workbook;

    private TableEdit(byte[] bytes) {
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped table {@code rules/<name>}, from the engine's or the service's working directory. */
    public static TableEdit shipped(String name) {
        try {
            return new TableEdit(Files.readAllBytes(Path.of("../rules", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets {@code Sheet!C7} to a text, or a number when {@code value} is one. */
    public TableEdit set(String ref, String value) {
        Cell cell = cell(ref);
        if (value.matches("-?\\d+")) {
            cell.setCellValue(Integer.parseInt(value));
        } else {
            cell.setCellValue(value);
        }
        return this;
    }

    public TableEdit formula(String ref, String formula) {
        cell(ref).setCellFormula(formula);
        return this;
    }

    /** Inserts a row before row {@code number} (1-based, as Excel counts) of {@code sheet}, from column A. */
    public TableEdit insertRow(String sheet, int number, String... values) {
        Sheet target = workbook.getSheet(sheet);
        if (number - 1 <= target.getLastRowNum()) {
            target.shiftRows(number - 1, target.getLastRowNum(), 1);
        }
        Row row = target.createRow(number - 1);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return this;
    }

    /** Deletes row {@code number} (1-based) of {@code sheet}, moving the rows below it up. */
    public TableEdit deleteRow(String sheet, int number) {
        Sheet target = workbook.getSheet(sheet);
        target.removeRow(target.getRow(number - 1));
        target.shiftRows(number, target.getLastRowNum(), -1);
        return this;
    }

    /**
     * Takes out the empty cells inside merged regions, as openpyxl, LibreOffice or WPS may leave them out: the merge
     * list still says which cells belong together.
     */
    public TableEdit withoutPlaceholderCells() {
        for (Sheet sheet : workbook) {
            for (org.apache.poi.ss.util.CellRangeAddress region : sheet.getMergedRegions()) {
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    Row row = sheet.getRow(r);
                    for (int c = region.getFirstColumn(); row != null && c <= region.getLastColumn(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && (r != region.getFirstRow() || c != region.getFirstColumn())) {
                            row.removeCell(cell);
                        }
                    }
                }
            }
        }
        return this;
    }

    /**
     * The table as a second writer saves it: POI's streaming writer (SXSSF), given only the cells that have a value
     * and the merge list — no styles, no empty cells, its own XML.
     */
    public byte[] bytesBySecondWriter() {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook copy = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Sheet sheet : workbook) {
                Sheet target = copy.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row written = null;
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (text.isBlank()) {
                            continue;
                        }
                        if (written == null) {
                            written = target.createRow(row.getRowNum());
                        }
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            written.createCell(cell.getColumnIndex()).setCellValue(cell.getNumericCellValue());
                        } else {
                            written.createCell(cell.getColumnIndex()).setCellValue(text);
                        }
                    }
                }
                sheet.getMergedRegions().forEach(target::addMergedRegion);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.write(out);
            copy.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TableEdit addSheet(String name, String ref, String value) {
        workbook.createSheet(name);
        return set(name + "!" + ref, value);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The table as a rule set keeps it (Base64 of the workbook). */
    public String text() {
        return DecisionTables.text(bytes());
    }

    private Cell cell(String ref) {
        int bang = ref.indexOf('!');
        Sheet sheet = workbook.getSheet(ref.substring(0, bang));
        CellReference at = new CellReference(ref.substring(bang + 1));
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        return row.getCell(at.getCol()) == null ? row.createCell(at.getCol()) : row.getCell(at.getCol());
    }
}
