package jipan.api;

/**
 * A rejected row: its number in the file (the CSV line, the sheet's row), the column (header as written in
 * the file), why, and in a workbook the cell ({@code Sheet1!C5}).
 */
public record RowError(long line, String column, String reason, String cell) {
    public RowError(long line, String column, String reason) {
        this(line, column, reason, null);
    }

    @Override
    public String toString() {
        return (cell != null ? cell + " (" + column + ")" : "line " + line + (column == null ? "" : ", " + column))
                + ": " + reason;
    }
}
