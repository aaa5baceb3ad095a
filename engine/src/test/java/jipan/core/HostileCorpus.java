package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The hostile rule files of the engine module's {@code src/test/resources/hostile}, and the checks that none of
 * their code ran. The service's tests use the same files (through the engine's test jar) from its directory.
 */
public final class HostileCorpus {
    public static final Path DIRECTORY = Files.isDirectory(Path.of("src/test/resources/hostile"))
            ? Path.of("src/test/resources/hostile")
            : Path.of("../engine/src/test/resources/hostile");
    /** Where the files that try to write something would write it. */
    public static final Path MARKERS = Path.of("target/hostile-markers");

    private static Properties properties;
    private static TimeZone zone;
    private static Locale locale;
    private static long userThreads;

    private HostileCorpus() {
    }

    public static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Path> drl = files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
            assertThat(drl).hasSizeGreaterThanOrEqualTo(60);
            return drl;
        }
    }

    /** Remembers the state the hostile files try to change. */
    public static void remember() throws IOException {
        Files.createDirectories(MARKERS);
        properties = (Properties) System.getProperties().clone();
        zone = TimeZone.getDefault();
        locale = Locale.getDefault();
        userThreads = userThreads();
    }

    /** No file written, the same system properties, time zone and locale, no new non-daemon thread. */
    public static void assertNothingRan() throws IOException {
        try (Stream<Path> markers = Files.list(MARKERS)) {
            assertThat(markers).as("files written by rule code").isEmpty();
        }
        // every property as it was (the framework may add its own, e.g. while a command starts)
        assertThat(System.getProperties()).containsAllEntriesOf(properties);
        assertThat(TimeZone.getDefault()).isEqualTo(zone);
        assertThat(Locale.getDefault()).isEqualTo(locale);
        assertThat(userThreads()).as("threads that rule code would start (Thread-N, pool-N-thread-N, Timer-N)")
                .isLessThanOrEqualTo(userThreads);
    }

    private static long userThreads() {
        // the service's own pools (Jetty's dw-*, the database's) grow under load; rule code's threads get these names
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("Thread-\\d+|pool-\\d+-thread-\\d+|Timer-\\d+"))
                .count();
    }
}
