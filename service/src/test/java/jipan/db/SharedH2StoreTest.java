package jipan.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file shared by the running service and the command line, as the README tells users to
 * work: commands run in a process of their own while the service holds the file.
 */
class SharedH2StoreTest {

    /** Runs a jipan command in a JVM of its own; returns its exit code and everything it printed. */
    private static Result command(Path config, String... arguments) throws Exception {
        // a short-lived command: the quick JIT and one GC thread start it faster, as in the test JVMs (pom.xml)
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                JipanApplication.class.getName()));
        line.addAll(List.of(arguments));
        line.add(config.toString());
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }

    private static Path config(Path dir, String url) throws Exception {
        String text = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                .replaceAll("url: \"[^\"]*\"", "url: \"" + url + "\"");
        return Files.writeString(dir.resolve("jipan-" + Math.abs(url.hashCode()) + ".yml"), text);
    }

    /** What a test does while the service runs on the store at {@code url}. */
    @FunctionalInterface
    private interface WhileServing {
        void run() throws Exception;
    }

    /** Runs {@code body} while the service runs on the store at {@code url}; stops the service after. */
    private static void besideTheService(String url, WhileServing body) throws Exception {
        DropwizardTestSupport<JipanConfiguration> app = new DropwizardTestSupport<>(JipanApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), ConfigOverride.config("database.url", url));
        app.before();
        try {
            body.run();
        } finally {
            app.after();
        }
    }

    @Test
    void commandsWorkBesideTheRunningServiceOnTheDefaultEmbeddedStore(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("jipan") + ";AUTO_SERVER=TRUE";
        besideTheService(url, () -> {
            Result status = command(config(dir, url), "db", "status");
            assertThat(status.exit()).as(status.output()).isZero();
            assertThat(status.output()).contains("schema version");
            Result report = command(config(dir, url), "report", "structure", "--from", "2011-10-01", "--to", "2012-09-30");
            assertThat(report.exit()).as(report.output()).isZero();
        });
    }

    @Test
    void theFileIsCompactedOnlyWhenNothingElseHasItOpen(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("jipan") + ";AUTO_SERVER=TRUE;COMPRESS=TRUE";
        besideTheService(url, () -> {
            Result demo = command(config(dir, url), "demo-data", "--customers", "300", "--no-runs");
            assertThat(demo.exit()).as(demo.output()).isZero();
            assertThat(demo.output()).contains("wrote 300 customers", "not compacted:", "in use by",
                    "(later: db compact)");
            Result compact = command(config(dir, url), "db", "compact");
            assertThat(compact.exit()).as(compact.output()).isNotZero();
            assertThat(compact.output()).contains("compacting closes the database, so stop them first")
                    .doesNotContain("\tat ");
        });
        Result compact = command(config(dir, url), "db", "compact");
        assertThat(compact.exit()).as(compact.output()).isZero();
        assertThat(compact.output()).containsPattern("compacted .*jipan\\.mv\\.db: [0-9,]+ MB → [0-9,]+ MB in ");
        Result again = command(config(dir, url), "demo-data", "--customers", "1", "--no-runs");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).as("the compacted store keeps its customers")
                .contains("the customer store already holds 300 customers");
    }

    @Test
    void aLockedStoreIsOneLineSayingWhatToDo(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("jipan");
        besideTheService(url, () -> {
            Result status = command(config(dir, url), "db", "status");
            assertThat(status.exit()).isNotZero();
            assertThat(status.output()).contains("is in use by another process: add ;AUTO_SERVER=TRUE")
                    .doesNotContain("\tat ");
        });
    }
}
