package jipan.core.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The QA scenario files a rule set is gated with, by path below the fixtures directory
 * ({@code tiers/window-edges.yml}). Stored with every rule set version, so an older version is gated with
 * the fixtures it passed.
 */
public final class FixtureFiles {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9._-]+/){0,4}[A-Za-z0-9._-]{1,96}\\.ya?ml");
    public static final String NAME_RULE = "a fixture is a path of letters, digits, '.', '_' or '-' (at most four "
            + "folders deep) ending in .yml or .yaml";

    private final SortedMap<String, String> files;

    public FixtureFiles(Map<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** Every {@code *.yml} / {@code *.yaml} file below {@code directory}. */
    public static FixtureFiles readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("fixtures directory " + directory.toAbsolutePath() + " does not exist");
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path) && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
                    files.put(directory.relativize(path).toString().replace('\\', '/'),
                            Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures directory " + directory.toAbsolutePath(), e);
        }
        return new FixtureFiles(files);
    }

    public SortedMap<String, String> files() {
        return files;
    }

    /** These fixtures with {@code changed} added or replaced and {@code deleted} removed; problems by field. */
    public FixtureFiles withChanges(Map<String, String> changed, Collection<String> deleted) {
        List<String> problems = new ArrayList<>();
        SortedMap<String, String> result = new TreeMap<>(files);
        changed.forEach((name, text) -> {
            if (!isValidName(name)) {
                problems.add("fixtures." + name + ": " + NAME_RULE);
            } else if (text == null) {
                problems.add("fixtures." + name + ": is required (the fixture's YAML, or name it in "
                        + "deletedFixtures to remove it)");
            }
            result.put(name, text);
        });
        for (String name : deleted) {
            if (name == null) {
                problems.add("deletedFixtures: a fixture path is required (got null)");
            } else if (result.remove(name) == null) {
                problems.add("deletedFixtures: there is no fixture " + name);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new FixtureFiles(result);
    }

    /** Writes the fixtures below {@code directory}: each file replaced whole, files no longer in the set removed. */
    public void writeDirectory(Path directory) {
        try {
            FixtureFiles existing = Files.isDirectory(directory) ? readDirectory(directory) : new FixtureFiles(Map.of());
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (String old : existing.files().keySet()) {
                if (!files.containsKey(old)) {
                    Files.deleteIfExists(directory.resolve(old));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fixtures directory " + directory.toAbsolutePath() + " ("
                    + e.getMessage() + ")", e);
        }
    }
}
