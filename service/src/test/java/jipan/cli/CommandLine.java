package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code java -jar jipan.jar …} in a test, through Dropwizard's command line: what a command prints (commands
 * print to {@code System.out}, so it is captured during each test) and what it fails with. A test class holds one
 * as {@code @RegisterExtension final CommandLine cli = new CommandLine();}.
 */
public final class CommandLine implements BeforeEachCallback,
        AfterEachCallback {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream capture = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final Cli cli;
    private PrintStream originalOut;

    public CommandLine() {
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        cli = new Cli(new JarLocation(getClass()), bootstrap, capture, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        System.setOut(capture);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
    }

    /** Runs a command; empty when it succeeded (exit 0), else what it failed with (exit 1). */
    public Optional<Throwable> run(String... arguments) throws Exception {
        return cli.run(arguments);
    }

    public String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    public void clear() {
        stdout.reset();
        stderr.reset();
    }
}
