package jipan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped rule files, for tests that change or add rule files without touching {@code rules/}. */
public final class ShippedRules {
    private ShippedRules() {
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
