package jipan.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import jipan.core.Classification;
import jipan.core.RunResults;

/**
 * A run made elsewhere, as a directory ({@link RunResults}): its manifest, and its results read from the part
 * files a line at a time (never all in memory); a line that is not a result is named {@code file:line}.
 */
public final class RunResultsFiles {
    private final RunResults manifest;
    private final List<Path> parts;
    private final ObjectMapper json;

    private RunResultsFiles(RunResults manifest, List<Path> parts, ObjectMapper json) {
        this.manifest = manifest;
        this.parts = parts;
        this.json = json;
    }

    public static RunResultsFiles open(Path directory, ObjectMapper json) throws IOException {
        Path manifest = directory.resolve(RunResults.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(directory + " has no " + RunResults.MANIFEST + ": give the directory the "
                    + "Spark job wrote with --run-out");
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(directory)) {
            parts = files.filter(file -> file.getFileName().toString().startsWith(RunResults.PART_PREFIX)).sorted().toList();
        }
        return new RunResultsFiles(json.readValue(manifest.toFile(), RunResults.class), parts, json);
    }

    public RunResults manifest() {
        return manifest;
    }

    /** The results, read as they are taken. */
    public Iterator<Classification> results() {
        return new Lines(parts, json);
    }

    private static final class Lines implements Iterator<Classification> {
        private final Iterator<Path> parts;
        private final ObjectMapper json;
        private BufferedReader reader;
        private Path part;
        private int line;
        private String next;

        Lines(List<Path> parts, ObjectMapper json) {
            this.parts = parts.iterator();
            this.json = json;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (reader != null) {
                        next = reader.readLine();
                        line++;
                        if (next != null && next.isBlank()) {
                            next = null;
                            continue;
                        }
                        if (next != null) {
                            break;
                        }
                        reader.close();
                        reader = null;
                    }
                    if (!parts.hasNext()) {
                        return false;
                    }
                    part = parts.next();
                    reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
                    line = 0;
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + part, e);
            }
        }

        @Override
        public Classification next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String text = next;
            next = null;
            try {
                return json.readValue(text, Classification.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(part.getFileName() + ":" + line + ": not a result: " + e.getMessage(), e);
            }
        }
    }
}
