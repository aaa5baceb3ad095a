package jipan.db;

/** Text as the store keeps it: cut to the width of its column, so a long name or comment is kept, shortened. */
public final class Columns {
    private Columns() {
    }

    /** {@code text} cut to {@code width} characters; null stays null. */
    public static String clip(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width);
    }
}
