package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the hostile corpus is refused by the compiler with its file and the line its first line
 * names, and none of its code ran (see {@link HostileCorpus#assertNothingRan()}).
 */
class HostileRulesTest {
    private static final Pattern EXPECTED = Pattern.compile("Refused at line (\\d+): (.*)$");

    @BeforeAll
    static void remember() throws IOException {
        HostileCorpus.remember();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileFileIsRefusedWithItsFileAndLine() throws IOException {
        RuleCompiler compiler = new RuleCompiler();
        return HostileCorpus.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
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

    @AfterAll
    static void nothingRan() throws IOException {
        HostileCorpus.assertNothingRan();
    }
}
