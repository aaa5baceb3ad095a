package jipan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.core.HostileCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile rule files dropped into a rules directory beside the shipped rules are refused by every command
 * that reads rules: validate-rules, test-rules, impact and classify-all; none of their code runs.
 */
class HostileRulesCommandTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;

    @AfterEach
    void tearDown() {
        System.setOut(originalOut);
    }

    private Optional<Throwable> run(String... arguments) throws Exception {
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(getClass()), bootstrap, System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            return cli.run(arguments);
        } finally {
            System.setOut(originalOut);
        }
    }

    @Test
    void everyCommandThatReadsRulesRefusesAHostileFile(@TempDir Path rules) throws Exception {
        try (Stream<Path> shipped = Files.list(Path.of("../rules"))) {
            for (Path file : (Iterable<Path>) shipped::iterator) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        String config = ResourceHelpers.resourceFilePath("test-config.yml");
        List<Path> corpus = HostileCorpus.files();
        HostileCorpus.remember();

        for (int i = 0; i < corpus.size(); i += 15) { // each command compiles the whole directory: a sample
            Path hostile = rules.resolve(corpus.get(i).getFileName());
            Files.copy(corpus.get(i), hostile);
            String name = hostile.getFileName().toString();
            try {
                assertThat(run("validate-rules", rules.toString())).as("validate-rules " + name).isPresent();
                assertThat(run("test-rules", "--rules", rules.toString(), "../fixtures")).as("test-rules " + name)
                        .isPresent();
                assertThat(run("impact", "--candidate", rules.toString(), "--as-of", "2012-09-30", config))
                        .as("impact " + name).isPresent();
                assertThat(run("classify-all", "--rules", rules.toString(), "--as-of", "2012-09-30", config))
                        .as("classify-all " + name).isPresent();
                assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(name + ":");
            } finally {
                Files.delete(hostile);
                stderr.reset();
            }
        }
        HostileCorpus.assertNothingRan();
    }
}
