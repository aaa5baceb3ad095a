package jipan.api;

/** A rejected row: its line in the file, the column (header as written in the file) and why. */
public record RowError(long line, String column, String reason) {
    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + reason;
    }
}
