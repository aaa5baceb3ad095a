package jipan.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of a DMS export, whatever it was saved as: CSV (UTF-8 with or without BOM, or GBK, as Chinese DMSs
 * write) or an Excel workbook (.xlsx, its first sheet, read as a stream so a large export stays in constant
 * memory). Each row is handed over with its number as the user sees it (the CSV line, the sheet's row) and
 * its cells as text: a date cell as {@code 2012-09-03}, a number as written ({@code 20120910}, {@code 1280.5}).
 */
final class ImportSource {
    private static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF_BYTES = 64 * 1024;
    /** A zip file (and so an .xlsx) starts with these bytes. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Columns past this are ignored: no DMS export has this many, and a row's array stays small. */
    private static final int MAX_COLUMNS = 200;

    /** How the file is written. */
    enum Format {
        CSV("csv"), XLSX("xlsx");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** Receives the rows, one at a time. */
    interface Rows {
        /** Before the first row: what the file turned out to be. */
        default void start(Read read) {
        }

        void row(long number, String[] cells);
    }

    /** What was read: the format, the encoding (for CSV) and the sheet (for xlsx). */
    record Read(Format format, String encoding, String sheet) {
        /** How a row's place is named: {@code line 5} in a CSV, {@code Sheet1!row 5} in a workbook. */
        String where(long number) {
            return format == Format.CSV ? "line " + number : sheet + "!row " + number;
        }

        /** A cell of a workbook ({@code Sheet1!C5}); null in a CSV or for no column. */
        String cell(int column, long number) {
            return format == Format.CSV || column < 0 ? null
                    : sheet + "!" + new CellReference((int) number - 1, column).formatAsString(false);
        }
    }

    private ImportSource() {
    }

    /** The file cannot be read at all (not a CSV, a broken workbook); the message says why. */
    static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads every row of {@code input} into {@code rows}; {@code charset} (CSV only) null means detect. A
     * {@code RuntimeException} thrown by {@code rows} stops the reading and comes out of this method.
     */
    static Read read(InputStream input, Charset charset, Rows rows) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length >= ZIP.length && head[0] == ZIP[0] && head[1] == ZIP[1] && head[2] == ZIP[2] && head[3] == ZIP[3]) {
            return xlsx(in, rows);
        }
        Charset encoding = charset != null ? charset : detect(head);
        Read read = new Read(Format.CSV, encoding.name(), null);
        rows.start(read);
        csv(in, encoding, rows);
        return read;
    }

    /** UTF-8 when the first 64 KiB decode as UTF-8 (a BOM is dropped); otherwise GBK. */
    static Charset detect(byte[] head) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), head.length < SNIFF_BYTES);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }

    private static void csv(InputStream in, Charset encoding, Rows rows) throws IOException {
        try (Reader reader = new InputStreamReader(in, encoding)) {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            csv.enable(CsvParser.Feature.TRIM_SPACES);
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            MappingIterator<String[]> lines = csv.readerFor(String[].class).readValues(reader);
            boolean first = true;
            while (true) {
                // before a row the parser stands at the start of its line
                long line = lines.getParser().currentLocation().getLineNr();
                String[] row;
                try {
                    if (!lines.hasNext()) {
                        return;
                    }
                    row = lines.next();
                } catch (RuntimeException e) {
                    throw new Unreadable("unreadable CSV after line " + lines.getParser().currentLocation().getLineNr()
                            + ": " + e.getMessage());
                }
                if (first && row.length > 0 && row[0] != null && row[0].startsWith("\uFEFF")) {
                    row[0] = row[0].substring(1);
                }
                first = false;
                rows.row(Math.max(line, 1), row);
            }
        }
    }

    /** The first sheet of a workbook, streamed (SAX): rows as they come, never the whole sheet in memory. */
    private static Read xlsx(InputStream in, Rows rows) throws IOException {
        try (OPCPackage workbook = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new Unreadable("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                String name = sheets.getSheetName();
                Read read = new Read(Format.XLSX, "xlsx", name);
                rows.start(read);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(rows),
                        new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
                return read;
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
                 | NotOfficeXmlFileException e) {
            throw new Unreadable("the file cannot be read as an .xlsx workbook: " + e.getMessage());
        }
    }

    /** Collects one row's cells by column, hands the row over at its end. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                rows.row(rowNum + 1L, cells.toArray(String[]::new));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            // set, not appended: a cell may come twice (a value written over an inline string keeps both)
            cells.set(column, value == null ? null : value.strip());
        }
    }

    /**
     * Cells as an importer needs them, whatever the sheet's formats: a date as ISO ({@code 2012-09-03}), a number
     * in a general format without exponent or grouping ({@code 20120910}, {@code 1280.5}); other formats as shown.
     */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            if (formatString == null || formatString.equalsIgnoreCase("General") || formatString.equals("0")
                    || formatString.equals("@")) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
