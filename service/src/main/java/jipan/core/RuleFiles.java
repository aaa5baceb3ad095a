package jipan.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of every rule file of a rule set, by file name, and the version that names that content.
 * The version is a hash of the names and texts, so the same files always give the same version.
 */
public final class RuleFiles {
    /** The extension Drools compiles as DRL; other files in the directory (notes, backups) are ignored. */
    public static final String DRL = ".drl";

    private final SortedMap<String, String> files;
    private final String version;

    public RuleFiles(Map<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.version = "sha256:" + hash(this.files).substring(0, 12);
    }

    /** Reads every {@code *.drl} file directly in {@code directory}. */
    public static RuleFiles readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rules directory " + directory.toAbsolutePath() + " does not exist");
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                String name = path.getFileName().toString();
                if (name.endsWith(DRL) && Files.isRegularFile(path)) {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory.toAbsolutePath(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("rules directory " + directory.toAbsolutePath() + " has no " + DRL + " file");
        }
        return new RuleFiles(files);
    }

    public SortedMap<String, String> files() {
        return files;
    }

    public String version() {
        return version;
    }

    private static String hash(SortedMap<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
