package jipan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV for Excel: a BOM, quoting, and no cell from the data that a spreadsheet would run as a formula. */
class CsvTableTest {
    record Row(String competitor, BigDecimal growth, int count) {
    }

    @Test
    void textThatLooksLikeAFormulaIsWrittenAsTextAndNumbersStayNumbers() {
        String csv = CsvTable.of(Row.class, List.of(
                new Row("=HYPERLINK(\"http://evil.example\",\"click\")", new BigDecimal("-0.12"), -3),
                new Row("+1+cmd|' /C calc'!A0", BigDecimal.ONE, 1),
                new Row("-2+3", BigDecimal.ONE, 1),
                new Row("@SUM(A1:A9)", BigDecimal.ONE, 1),
                new Row("\t=1+1", BigDecimal.ONE, 1),
                new Row("\r=1+1", BigDecimal.ONE, 1),
                new Row("比亚迪, 汉", BigDecimal.ONE, 1)));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "\uFEFFcompetitor,growth,count",
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-0.12,-3",
                "\"'+1+cmd|' /C calc'!A0\",1,1",
                "\"'-2+3\",1,1",
                "\"'@SUM(A1:A9)\",1,1",
                "\"'\t=1+1\",1,1",
                "\"'\r=1+1\",1,1",
                "\"比亚迪, 汉\",1,1",
                "");
    }
}
