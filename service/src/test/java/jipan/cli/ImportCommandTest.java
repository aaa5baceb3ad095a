package jipan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar jipan.jar import …} as a user runs it: a file with bad rows imports its good rows, writes
 * the rejected ones beside it in its own format and exits non-zero; the fixed file then imports cleanly.
 */
class ImportCommandTest {
    @RegisterExtension
    final CommandLine cli = new CommandLine();

    @AfterEach
    void tearDown() {
        System.clearProperty("dw.database.url");
    }

    @Test
    void rejectedRowsComeBackAsAFileBesideTheInputAndTheCommandExitsNonZero(@TempDir Path dir) throws Exception {
        System.setProperty("dw.database.url", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        Path csv = dir.resolve("客户.csv");
        Files.copy(Path.of("src/test/resources/imports/customers-utf8-bom.csv"), csv);
        String config = Path.of("src/test/resources/test-config.yml").toAbsolutePath().toString();

        Optional<Throwable> error = cli.run("import", "--kind", "customers", csv.toString(), config);

        assertThat(error).isPresent();
        assertThat(cli.out()).contains("2 imported (2 new, 0 updated, 0 unchanged), 2 rejected");
        Path rejected = dir.resolve("客户.rejected.csv");
        assertThat(cli.err()).contains("2 row(s) rejected; they are in " + rejected);
        String rows = Files.readString(rejected);
        assertThat(rows).startsWith("\uFEFF客户编号,客户名称,电话,区域,行业,出生年份,客户类型,错误原因 Reason\r\n")
                .contains("D3,李女士,13800000003,惠城区,教育,19x0,个人,");

        // the analyst fixes the two rows in the rejected file and imports it: every row in, exit 0
        Files.writeString(rejected, rows.replace("19x0", "1980").replace("\r\n,无编号", "\r\nD4,无编号"));
        cli.clear();
        Optional<Throwable> again = cli.run("import", "--kind", "customers", rejected.toString(), config);

        assertThat(again).isEmpty();
        assertThat(cli.out()).contains("2 imported (2 new, 0 updated, 0 unchanged), 0 rejected");
    }
}
