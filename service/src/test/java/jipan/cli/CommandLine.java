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

/**
 * {@code java -jar jipan.jar …} in a test, through Dropwizard's command line: what a command prints (commands
 * print to {@code System.out}, so it is captured while this is open) and what it fails with.
 */
final class CommandLine implements AutoCloseable {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final Cli cli;

    CommandLine() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        cli = new Cli(new JarLocation(getClass()), bootstrap, System.out, new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    /** Runs a command; empty when it succeeded (exit 0), else what it failed with (exit 1). */
    Optional<Throwable> run(String... arguments) throws Exception {
        return cli.run(arguments);
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    void clear() {
        stdout.reset();
        stderr.reset();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
    }
}
