package jipan.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets kept on disk, so a JVM that meets rule files compiled before — the service starting again, a
 * command, each test JVM and service the tests start — loads them in half a second instead of compiling them for
 * five (docs/testing.md). An entry is the module the compiler built (a jar of the executable model's classes),
 * named by a SHA-256 of the DRL files, of the engine's own classes (the facts the rules are compiled against) and
 * of the Drools and Java that compiled them: any change to any of them is another name.
 *
 * <p>An entry is only a shortcut, never trusted: its classes are verified by {@link RuleVerifier} again before any
 * of them is loaded, exactly as freshly compiled ones; an entry that fails is deleted and the files are compiled.
 * The directory ({@code jipan.compiledRules} system property; default {@code ~/.cache/jipan/compiled-rules};
 * {@code off}: none) is created readable by its owner only, and not used when another user owns it. Entries are
 * written whole (a temporary file moved into place) and the oldest beyond {@link #KEEP} are removed.
 */
final class CompiledRulesDisk {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesDisk.class);
    /** Entries kept; the least recently written go first. */
    static final int KEEP = 64;
    static final CompiledRulesDisk DEFAULT = fromSystemProperty();

    private final Path directory;
    private volatile String fingerprint;

    CompiledRulesDisk(Path directory) {
        this.directory = directory;
    }

    private static CompiledRulesDisk fromSystemProperty() {
        String configured = System.getProperty("jipan.compiledRules", "");
        if (configured.equals("off")) {
            return new CompiledRulesDisk(null);
        }
        Path directory = configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "jipan", "compiled-rules") : Path.of(configured);
        return new CompiledRulesDisk(directory);
    }

    /** The entry's name for these DRL files: null when there is no usable directory. */
    String key(RuleFiles drlFiles) {
        if (directory == null || !usable()) {
            return null;
        }
        return sha256(drlFiles.digest() + "|" + fingerprint());
    }

    /** The entry's bytes, if there is one. */
    Optional<byte[]> read(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Path entry = directory.resolve(key + ".jar");
        try {
            return Files.isRegularFile(entry) ? Optional.of(Files.readAllBytes(entry)) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("compiled rules {} not read: {}", key, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a module the compiler built; a failure to write only costs the next JVM a compilation. */
    void write(String key, byte[] module) {
        if (key == null) {
            return;
        }
        try {
            Path partial = Files.createTempFile(directory, ".write-", ".part");
            Files.write(partial, module);
            try {
                Files.move(partial, directory.resolve(key + ".jar"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, directory.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException e) {
            LOG.debug("compiled rules {} not kept: {}", key, e.toString());
        }
    }

    /** An entry that failed to load or to verify: removed, so it is compiled and written again. */
    void forget(String key) {
        if (key == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(key + ".jar"));
        } catch (IOException e) {
            LOG.debug("compiled rules {} not removed: {}", key, e.toString());
        }
    }

    /** A private copy of an entry's verified bytes for the engine to load, in the same directory. */
    Path copy(byte[] module) throws IOException {
        Path copy = Files.createTempFile(directory, ".load-", ".jar");
        Files.write(copy, module);
        return copy;
    }

    /** The classes of a module, by their file names, as the verifier reads them. */
    static Map<String, byte[]> classes(byte[] module) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return classes;
    }

    /** The group, artifact and version a module was built as (its Maven properties). */
    static String[] releaseId(byte[] module) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(module))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    Properties properties = new Properties();
                    properties.load(new java.io.StringReader(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
                    return new String[] {properties.getProperty("groupId"), properties.getProperty("artifactId"),
                            properties.getProperty("version")};
                }
            }
        }
        throw new IOException("the module names no release (no pom.properties)");
    }

    /** Created owner-only when missing; not used when it is not a directory this user owns. */
    private boolean usable() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                try {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its own permissions apply
                }
            }
            return Files.getOwner(directory).getName().equals(System.getProperty("user.name"))
                    && Files.isWritable(directory);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(CompiledRulesDisk::modified).reversed()).toList();
            for (Path old : jars.subList(Math.min(KEEP, jars.size()), jars.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * What else a compilation depends on: the engine's classes (a directory's class files, or the jar's entries
     * with their checksums), where Drools comes from (its jar's name carries its version), and the Java version.
     */
    private String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            StringBuilder all = new StringBuilder();
            all.append(codeOf(RuleCompiler.class, "jipan/")).append('|')
                    .append(codeOf(org.drools.model.codegen.ExecutableModelProject.class, "org/drools/")).append('|')
                    .append(Runtime.version().feature());
            known = sha256(all.toString());
            fingerprint = known;
        }
        return known;
    }

    private static String codeOf(Class<?> type, String prefix) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            StringBuilder listing = new StringBuilder(location.getFileName().toString());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        listing.append('\n').append(location.relativize(file)).append(' ')
                                .append(sha256(Files.readAllBytes(file)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().filter(entry -> entry.getName().startsWith(prefix))
                            .sorted(Comparator.comparing(ZipEntry::getName))
                            .forEach(entry -> listing.append('\n').append(entry.getName()).append(' ')
                                    .append(entry.getCrc()).append(' ').append(entry.getSize()));
                }
            }
            return listing.toString();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return type.getName() + " " + source.getLocation() + " " + System.nanoTime(); // never matches: no reuse
        }
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
