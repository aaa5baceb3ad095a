package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import jipan.JipanConfiguration;
import jipan.core.Classifier;
import jipan.core.Limits;
import jipan.core.RuleCompilationException;
import jipan.core.RuleFiles;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleVersions;
import jipan.runs.ClassificationRuns;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command that reads the configuration (and usually the store). Problems a user can act on — the store
 * locked or unreachable, a bad argument, rules that do not compile — are printed as their message, not as a
 * stack trace.
 */
public abstract class StoreCommand extends ConfiguredCommand<JipanConfiguration> {

    protected StoreCommand(String name, String description) {
        super(name, description);
    }

    /**
     * Opens the store the configuration names: migrated to the latest schema when the command {@code writes},
     * else as it is (a command that only reads never changes the schema). Close it when done.
     */
    public static Database openStore(JipanConfiguration configuration, boolean writes) {
        if (!writes) {
            configuration.getDatabase().setMigrateOnStart(false);
        }
        return Database.open(configuration.getDatabase());
    }

    /**
     * Classification runs over the store with the rules of {@link #liveRules} (the directory given with
     * {@code --rules}, else the store's active version): what {@code classify-all} and {@code demo-data} run.
     */
    public static ClassificationRuns runs(Bootstrap<JipanConfiguration> bootstrap, JipanConfiguration configuration,
                                              Database database, CustomerStore store, String rulesDirectory,
                                              int threads) {
        ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store,
                new LiveRules(liveRules(configuration, database, rulesDirectory)),
                bootstrap.getObjectMapper(), ClassificationRuns.DEFAULT_PAGE_SIZE, threads);
        runs.holdout(configuration.getCallLists().holdout());
        return runs;
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} whole or not at all: to a temporary file beside it, then moved into place (a reader
     * never sees a half-written file, and a failed write leaves the old one).
     */
    public static void writeWhole(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), ".jipan-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A date argument ({@code dest} as {@code --kebab-case}), read like every date of the service. */
    public static LocalDate date(Namespace namespace, String dest) {
        String flag = "--" + dest.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        try {
            return Limits.parseDate(namespace.getString(dest));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    /**
     * The rules a command classifies with: the directory given with {@code --rules}, else the store's active
     * version (the rules the service runs), else — nothing stored yet — the configured rules directory.
     */
    public static Classifier liveRules(JipanConfiguration configuration, Database database, String rulesDirectory) {
        if (rulesDirectory != null) {
            System.out.println("rules: " + rulesDirectory + " (--rules)");
            return configuration.buildClassifier(RuleFiles.readDirectory(Path.of(rulesDirectory)));
        }
        Optional<RuleFiles> active = new RuleVersions(database.jdbi(), new com.fasterxml.jackson.databind
                .ObjectMapper()).activeFiles();
        if (active.isPresent()) {
            System.out.println("rules: the active version " + active.get().version() + " of the store");
            return configuration.buildClassifier(active.get());
        }
        System.out.println("rules: " + configuration.getRules().getDirectory() + " (no version stored yet)");
        return configuration.buildClassifier();
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException || e instanceof RuleCompilationException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
