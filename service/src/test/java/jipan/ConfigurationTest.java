package jipan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration must say whether rule changes need a second person's approval: there is no default. */
class ConfigurationTest {

    private static String check(Path config) {
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        bootstrap.addCommand(new CheckCommand<>(application)); // what `java -jar jipan.jar check FILE` runs
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Optional<Throwable> failed = new Cli(new JarLocation(ConfigurationTest.class), bootstrap, capture, capture)
                    .run("check", config.toString());
            return failed.isPresent() ? out.toString(StandardCharsets.UTF_8) : "";
        }
    }

    @Test
    void aConfigurationThatDoesNotSayWhichApprovalIsRefusedNamingTheSetting(@TempDir Path dir) throws Exception {
        String config = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")));
        assertThat(check(Files.writeString(dir.resolve("said.yml"), config))).isEmpty();

        String silent = config.replace("  approval: optional\n", "");
        assertThat(silent).isNotEqualTo(config);
        assertThat(check(Files.writeString(dir.resolve("silent.yml"), silent)))
                .contains("rules.approval must be said: required (a second person approves every rule change) or optional");
        assertThat(check(Files.writeString(dir.resolve("wrong.yml"), config.replace("approval: optional",
                "approval: sometimes")))).contains("rules.approval must be required or optional");
        assertThat(check(Path.of("../config/jipan.yml"))).as("the shipped configuration").isEmpty();
    }
}
