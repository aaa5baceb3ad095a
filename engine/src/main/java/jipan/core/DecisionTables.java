package jipan.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables ({@code *.drl.xlsx}): the engine's spreadsheet format, where each row of a {@code RuleTable} is
 * one rule. A table is turned into DRL by the engine's own spreadsheet compiler, and from then on it is a rule
 * file like any other — parsed, compiled, verified on its compiled form, gated by fixtures. What this class adds
 * is the way back: a problem found in the generated DRL is named at the sheet and cell it came from
 * ({@code defeat.drl.xlsx!Categories!C9}), and a table can be listed cell by cell for a diff.
 *
 * <p>In a {@link RuleFiles} a table is kept as Base64 text of the workbook's bytes, so rule sets, versions and
 * the REST API keep one shape (name → text).
 */
public final class DecisionTables {
    /** The extension of a decision table among the rule files. */
    public static final String SUFFIX = ".drl.xlsx";
    /** The largest workbook accepted (a table is a few kilobytes; POI also refuses zip bombs on its own). */
    public static final int MAX_BYTES = 1_000_000;
    /** The largest sheet read: rows and columns. */
    private static final int MAX_ROWS = 5_000;
    private static final int MAX_COLUMNS = 100;
    /** Before each rule the compiler writes where its row is: {@code // rule values at A9, header at A4}. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+\\d+)");

    private DecisionTables() {
    }

    public static boolean isTable(String fileName) {
        return fileName != null && fileName.endsWith(SUFFIX);
    }

    /** What a table says, cell by cell ({@code Sheet!C7} → text), in sheet, row and column order. */
    public static Map<String, String> cells(String file, String stored) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (TableCell cell : read(file, bytes(file, stored))) {
            cells.put(cell.ref(), cell.text());
        }
        return cells;
    }

    /** The workbook's bytes from the text a rule set keeps. */
    public static byte[] bytes(String file, String stored) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(stored.strip());
            if (bytes.length > MAX_BYTES) {
                throw refused(file, "the workbook has " + bytes.length + " bytes; at most " + MAX_BYTES + " are accepted");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw refused(file, "a decision table is sent as the Base64 text of its .xlsx file (" + e.getMessage() + ")");
        }
    }

    /** The text a rule set keeps for a workbook's bytes. */
    public static String text(byte[] workbook) {
        return Base64.getEncoder().encodeToString(workbook);
    }

    /** One non-empty cell of a table: {@code Categories!C7} and its text as Excel shows it. */
    record TableCell(String sheet, int row, int column, String text) {
        String ref() {
            return sheet + "!" + new CellReference(row, column).formatAsString(false);
        }
    }

    /** A table as DRL, with the cells each generated line came from. */
    static final class Generated {
        private final String file;
        private final String drl;
        private final List<TableCell> cells;
        /** Generated line (1-based) → the sheet and row of the rule written there (0 outside rules). */
        private final Map<Integer, TableCell> rowOfLine = new TreeMap<>();

        private Generated(String file, String drl, List<TableCell> cells) {
            this.file = file;
            this.drl = drl;
            this.cells = cells;
        }

        String drl() {
            return drl;
        }

        /**
         * The cell a problem at {@code line} of the generated DRL comes from: within a rule, the cell of its row
         * whose text is on that line (or names {@code words}); outside rules, the cell whose text the line
         * repeats (the RuleSet, Import or Functions cell).
         */
        String cellOf(int line, List<String> words) {
            String[] lines = drl.split("\n", -1);
            String text = line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
            TableCell row = rowOfLine.get(line);
            List<TableCell> inRow = row == null ? List.of() : cells.stream()
                    .filter(cell -> cell.sheet().equals(row.sheet()) && cell.row() == row.row()).toList();
            // a name the message gives that is code on that line (not inside a text in quotes, where plain words
            // of an action are): in the row's cells, then anywhere (a header's code)
            String code = text.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
            List<String> named = words.stream().filter(word -> word != null && word.length() > 1
                    && (code.isEmpty() || Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])")
                    .matcher(code).find())).toList();
            for (List<TableCell> candidates : List.of(inRow, cells)) {
                for (String word : named) {
                    for (TableCell cell : candidates) {
                        if (cell.text().contains(word)) {
                            return cell.ref();
                        }
                    }
                }
            }
            // else the cell whose text the line repeats (a value, or the RuleSet/Import/Functions cell)
            for (List<TableCell> candidates : List.of(inRow, cells)) {
                TableCell best = null;
                for (TableCell cell : candidates) {
                    String value = cell.text().strip();
                    if (!value.isEmpty() && !text.isEmpty() && (text.contains(value) || value.contains(text))
                            && (best == null || value.length() > best.text().strip().length())) {
                        best = cell;
                    }
                }
                if (best != null) {
                    return best.ref();
                }
            }
            return row != null ? row.ref() : null;
        }

        /** A problem at a generated line, named at its cell (the line kept for tools that want it). */
        RuleProblem locate(RuleProblem problem, List<String> words) {
            if (!problem.file().equals(file)) {
                return problem;
            }
            String cell = cellOf(problem.line(), words);
            return new RuleProblem(file, problem.line(), problem.column(), problem.severity(), problem.message(), cell);
        }
    }

    /** The DRL the engine's spreadsheet compiler generates from a table, or its problems named at sheet!cell. */
    static Generated generate(String file, String stored) {
        byte[] bytes = bytes(file, stored);
        List<TableCell> cells = read(file, bytes);
        String firstSheet = cells.isEmpty() ? null : cells.get(0).sheet();
        for (TableCell cell : cells) {
            if (!cell.sheet().equals(firstSheet) && cell.text().strip().startsWith("RuleTable")) {
                // the engine's spreadsheet compiler reads the first sheet only: a table elsewhere would be ignored
                throw refused(file, cell.ref(), "only the first sheet's tables are read ('" + firstSheet + "'): move "
                        + "this table there, or rename the cell if it is a note");
            }
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler(true).compile(new ByteArrayInputStream(withMergedCells(bytes)), InputType.XLS);
        } catch (RuntimeException | IOException e) {
            throw refused(file, cellNamed(e.getMessage(), cells), "the table cannot be turned into rules: "
                    + describe(e));
        }
        Generated generated = new Generated(file, drl, cells);
        // the tables in sheet order, as the compiler reads them: a row comment names its table's header cell
        List<TableCell> tables = cells.stream().filter(cell -> cell.text().strip().startsWith("RuleTable")).toList();
        String[] lines = drl.split("\n", -1);
        int table = 0;
        TableCell current = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i].strip());
            if (comment.find()) {
                String header = comment.group(3);
                while (table < tables.size() && !refOnSheet(tables.get(table)).equals(header)) {
                    table++;
                }
                String sheet = table < tables.size() ? tables.get(table).sheet() : firstSheet;
                current = new TableCell(sheet, Integer.parseInt(comment.group(2)) - 1,
                        CellReference.convertColStringToIndex(comment.group(1)), "");
            } else if (lines[i].strip().equals("end")) {
                if (current != null) {
                    generated.rowOfLine.put(i + 1, current);
                }
                current = null;
            }
            if (current != null) {
                generated.rowOfLine.put(i + 1, current);
            }
        }
        return generated;
    }

    private static String refOnSheet(TableCell cell) {
        return new CellReference(cell.row(), cell.column()).formatAsString(false);
    }

    /** Every non-empty cell, as Excel shows it (numbers as formatted); a formula is refused. */
    /**
     * The workbook with a cell in every place of every merged region. The engine's spreadsheet compiler reads a
     * merged header (an object type over two condition columns, {@code B7:C7}) only where the file has a cell for
     * each column; Excel writes the empty cells inside a merge, other programs (WPS, LibreOffice, openpyxl, POI's
     * streaming writer) may not. The merge list says which cells belong together, whatever wrote the file.
     */
    static byte[] withMergedCells(byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            boolean added = false;
            for (Sheet sheet : workbook) {
                for (org.apache.poi.ss.util.CellRangeAddress region : sheet.getMergedRegions()) {
                    if (region.getNumberOfCells() > MAX_COLUMNS * 10L) {
                        continue; // a merge over a whole area is decoration, not a header
                    }
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            if (row.getCell(c) == null) {
                                row.createCell(c, CellType.BLANK);
                                added = true;
                            }
                        }
                    }
                }
            }
            if (!added) {
                return bytes;
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length + 1024);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<TableCell> read(String file, byte[] bytes) {
        List<TableCell> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                if (sheet.getLastRowNum() >= MAX_ROWS) {
                    throw refused(file, sheet.getSheetName() + ": a decision table sheet has at most " + MAX_ROWS + " rows");
                }
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getColumnIndex() >= MAX_COLUMNS) {
                            throw refused(file, sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false)
                                    + ": a decision table sheet has at most " + MAX_COLUMNS + " columns");
                        }
                        if (cell.getCellType() == CellType.FORMULA) {
                            // what a formula computes depends on the reader; a rule must say what it means
                            throw refused(file, sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false),
                                    "a formula (=" + cell.getCellFormula() + ") is not accepted in a decision table: type the value");
                        }
                        String text = formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            cells.add(new TableCell(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), text));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleCompilationException refusal) {
                throw refusal;
            }
            throw refused(file, "the file cannot be read as an .xlsx workbook: " + describe(e));
        }
        return cells;
    }

    /** A cell named in a message of the spreadsheet compiler ("... in cell C7 ..."), when there is one. */
    private static String cellNamed(String message, List<TableCell> cells) {
        if (message == null) {
            return null;
        }
        Matcher ref = Pattern.compile("\\b([A-Z]{1,3}[0-9]{1,5})\\b").matcher(message);
        while (ref.find()) {
            for (TableCell cell : cells) {
                if (refOnSheet(cell).equals(ref.group(1))) {
                    return cell.ref();
                }
            }
        }
        return null;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static RuleCompilationException refused(String file, String message) {
        return refused(file, null, message);
    }

    private static RuleCompilationException refused(String file, String cell, String message) {
        return new RuleCompilationException(List.of(new RuleProblem(file, 0, 0, "ERROR", message, cell)));
    }
}
