package jipan.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of every rule file of a rule set, by file name, and the version that names that content.
 * The version is a hash of the names and texts, so the same files always give the same version.
 */
public final class RuleFiles {
    /** The extension Drools compiles as DRL; other files in the directory (notes, backups) are ignored. */
    public static final String DRL = ".drl";
    /**
     * A rule file's name: letters, digits, '.', '_' or '-', ending in .drl (rules as text) or .drl.xlsx (a decision
     * table, kept as Base64 text of the workbook: {@link DecisionTables}), at most 100 characters.
     */
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,100}$)[A-Za-z0-9._-]{1,96}\\.drl(\\.xlsx)?");
    public static final String NAME_RULE = "a rule file name is letters, digits, '.', '_' or '-', ends in .drl (or "
            + ".drl.xlsx for a decision table) and has at most 100 characters, or is store-settings.properties";

    /**
     * Whether a file of a rules directory is one of its rule files: {@code *.drl} or {@code *.drl.xlsx}, not a
     * hidden file or the lock file Excel keeps beside an open workbook ({@code ~$defeat.drl.xlsx}).
     */
    public static boolean isRuleFile(String name) {
        return (name.endsWith(DRL) || DecisionTables.isTable(name) || StoreOverrides.isOverrides(name))
                && !name.startsWith(".") && !name.startsWith("~$");
    }

    /** A rule file's name, or the stores' overrides ({@link StoreOverrides#FILE}). */
    public static boolean isValidName(String name) {
        return name != null && (NAME.matcher(name).matches() || StoreOverrides.isOverrides(name));
    }

    /** The rule files without the stores' overrides: what is compiled as the group's rules. */
    public RuleFiles withoutOverrides() {
        if (!files.containsKey(StoreOverrides.FILE)) {
            return this;
        }
        SortedMap<String, String> rules = new TreeMap<>(files);
        rules.remove(StoreOverrides.FILE);
        return new RuleFiles(rules);
    }

    /**
     * These files with {@code changed} files added or replaced and {@code deleted} ones removed: how a
     * candidate is sent (only what changes). Every problem is listed, by the JSON field it came from.
     */
    public RuleFiles withChanges(Map<String, String> changed, Collection<String> deleted) {
        List<String> problems = new ArrayList<>();
        SortedMap<String, String> result = new TreeMap<>(files);
        changed.forEach((name, text) -> {
            if (!isValidName(name)) {
                problems.add("files." + name + ": " + NAME_RULE);
            } else if (text == null) {
                problems.add("files." + name + ": is required (the file's text, or name it in deleted to remove the file)");
            }
            result.put(name, text);
        });
        for (String name : deleted) {
            if (name == null) {
                problems.add("deleted: a file name is required (got null)");
            } else if (changed.containsKey(name)) {
                problems.add("deleted: " + name + " is also in files");
            } else if (result.remove(name) == null) {
                problems.add("deleted: the live rule set has no file " + name + " (it has " + files.keySet() + ")");
            }
        }
        if (problems.isEmpty() && result.isEmpty()) {
            problems.add("deleted: a rule set needs at least one file");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleFilesException(problems);
        }
        return new RuleFiles(result);
    }

    /** A candidate's file list is wrong: each problem names its JSON field. */
    public static final class InvalidRuleFilesException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidRuleFilesException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final SortedMap<String, String> files;
    private final String version;
    private final String digest;

    public RuleFiles(Map<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        this.digest = hash(this.files);
        this.version = "sha256:" + digest.substring(0, 12);
    }

    /** The whole SHA-256 of every name and text ({@link #version()} shows its first 12 digits). */
    String digest() {
        return digest;
    }

    /** Reads every {@code *.drl} file and {@code *.drl.xlsx} decision table directly in {@code directory}. */
    public static RuleFiles readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("rules directory " + directory.toAbsolutePath() + " does not exist");
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                String name = path.getFileName().toString();
                if (isRuleFile(name) && Files.isRegularFile(path)) {
                    files.put(name, DecisionTables.isTable(name) ? DecisionTables.text(Files.readAllBytes(path))
                            : Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory.toAbsolutePath(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("rules directory " + directory.toAbsolutePath() + " has no " + DRL + " or " + DecisionTables.SUFFIX
                    + " file");
        }
        return new RuleFiles(files);
    }

    public SortedMap<String, String> files() {
        return files;
    }

    /** How a file is written to disk: a decision table as its workbook, a DRL file as UTF-8 text. */
    public byte[] bytesOf(String name) {
        String text = files.get(name);
        return DecisionTables.isTable(name) ? DecisionTables.bytes(name, text) : text.getBytes(StandardCharsets.UTF_8);
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
