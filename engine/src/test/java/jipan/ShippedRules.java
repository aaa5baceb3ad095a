package jipan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;

/**
 * The shipped rule files, for tests that change or add rule files without touching {@code rules/}, and compiled
 * once per test JVM for the tests that classify with them as they are: compiling takes seconds of CPU, and a
 * compiled rule base is read-only (every classification opens its own session), so those tests share it.
 */
public final class ShippedRules {
    public static final RuleFiles FILES = RuleFiles.readDirectory(Path.of("../rules"));
    private static CompiledRules compiled;

    private ShippedRules() {
    }

    /** The shipped rules compiled, the first call compiling them. */
    public static synchronized CompiledRules compiled() {
        if (compiled == null) {
            compiled = new RuleCompiler().compile(FILES);
        }
        return compiled;
    }

    public static Classifier classifier(int maxFiringsPerCustomer) {
        return new Classifier(compiled(), maxFiringsPerCustomer);
    }

    /** A temporary directory holding a copy of every file of {@code rules/}. */
    public static Path copy() {
        return copyOf(Path.of("../rules"), "jipan-rules-");
    }

    /** A temporary copy of {@code fixtures/}, for tests whose rule changes write fixtures too. */
    public static Path copyFixtures() {
        return copyOf(Path.of("../fixtures"), "jipan-fixtures-");
    }

    private static Path copyOf(Path source, String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = directory.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
