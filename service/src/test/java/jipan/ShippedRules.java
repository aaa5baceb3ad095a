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
        try {
            Path directory = Files.createTempDirectory("jipan-rules-");
            try (Stream<Path> files = Files.list(Path.of("../rules"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
