package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the hostile corpus ({@code src/test/resources/hostile}) is refused by the compiler with its
 * file and the line its first line names, and none of its code ran: no marker file, the same system
 * properties, time zone and locale, no new thread that is not the compiler's own.
 */
class HostileRulesTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final Path MARKERS = Path.of("target/hostile-markers");
    private static final Pattern EXPECTED = Pattern.compile("Refused at line (\\d+): (.*)$");

    private static Properties properties;
    private static TimeZone zone;
    private static Locale locale;
    private static long userThreads;

    @BeforeAll
    static void remember() throws IOException {
        Files.createDirectories(MARKERS);
        properties = (Properties) System.getProperties().clone();
        zone = TimeZone.getDefault();
        locale = Locale.getDefault();
        userThreads = userThreads();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRefusedWithItsFileAndLine() throws IOException {
        RuleCompiler compiler = new RuleCompiler();
        return corpus().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher expected = EXPECTED.matcher(text.lines().findFirst().orElseThrow());
            assertThat(expected.find()).as("the first line of " + name + " says where it is refused").isTrue();

            assertThatThrownBy(() -> compiler.compile(new RuleFiles(Map.of(name, text))))
                    .isInstanceOf(RuleCompilationException.class)
                    .satisfies(e -> assertThat(((RuleCompilationException) e).errors())
                            .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(name))
                            .anySatisfy(problem -> {
                                assertThat(problem.line()).isEqualTo(Integer.parseInt(expected.group(1)));
                                assertThat(problem.message()).contains(expected.group(2));
                            }));
        }));
    }

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> drl = files.filter(f -> f.toString().endsWith(".drl")).sorted().toList();
            assertThat(drl).hasSizeGreaterThanOrEqualTo(60);
            return drl;
        }
    }

    @AfterAll
    static void nothingRan() throws IOException {
        assertNothingRan();
    }

    /** What every hostile file tried to do, undone or not: the checks after a run of the corpus. */
    static void assertNothingRan() throws IOException {
        try (Stream<Path> markers = Files.list(MARKERS)) {
            assertThat(markers).as("files written by rule code").isEmpty();
        }
        assertThat(System.getProperties()).isEqualTo(properties);
        assertThat(TimeZone.getDefault()).isEqualTo(zone);
        assertThat(Locale.getDefault()).isEqualTo(locale);
        assertThat(userThreads()).as("non-daemon threads").isLessThanOrEqualTo(userThreads);
    }

    static void rememberState() throws IOException {
        remember();
    }

    private static long userThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).count();
    }
}
