package jipan.lifecycle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import jipan.api.RuleActivation;
import jipan.api.RuleFileDiff;
import jipan.api.RuleVersion;
import jipan.core.DecisionTables;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.scenarios.FixtureFiles;
import jipan.db.RuleVersionDao;
import jipan.db.Columns;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of rule sets that went live, stored with their files, author and comment: record (for
 * {@link RulePublisher}), list, read and compare them. Every version is named by a sequence number and its content hash (the
 * {@code rulesetVersion} of answers).
 */
public final class RuleVersions {
    private static final Logger LOG = LoggerFactory.getLogger(RuleVersions.class);
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final ObjectMapper json;

    public RuleVersions(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** The active version as stored: its files, the fixtures it passed, who made it and why. */
    public record ActiveVersion(long seq, RuleFiles files, FixtureFiles fixtures, String author, String comment) {
    }

    /**
     * Records a rule set going live: a new version (or the stored one with the same content) made active, the
     * fixtures it passed (when a gate ran) kept with it, and the activation logged saying how — in one transaction.
     */
    public long record(RuleFiles files, FixtureFiles fixtures, String author, String comment, RulePublisher.How how,
                       String fromVersion) {
        return record(files, fixtures, author, comment, how, fromVersion, null);
    }

    /** The same for a publish request going live: the log names the request. */
    long record(RuleFiles files, FixtureFiles fixtures, String author, String comment, RulePublisher.How how,
                String fromVersion, Long request) {
        try {
            String text = json.writeValueAsString(files.files());
            String fixtureText = fixtures == null ? null : json.writeValueAsString(fixtures.files());
            return jdbi.withExtension(RuleVersionDao.class, dao -> dao.recordActive(files.version(), text, fixtureText,
                    Columns.clip(author, 100), Columns.clip(comment, 1000), how.code(), fromVersion, request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the rule files", e);
        }
    }

    /** The content hash of the active version, when one is stored. */
    public Optional<String> activeHash() {
        return jdbi.withExtension(RuleVersionDao.class, RuleVersionDao::active).map(RuleVersionDao.RuleVersionRow::hash);
    }

    /** The active version with its files and fixtures, when one is stored. */
    public Optional<ActiveVersion> activeVersion() {
        return jdbi.withExtension(RuleVersionDao.class, RuleVersionDao::active).map(row -> new ActiveVersion(row.seq(),
                new RuleFiles(files(row)), fixtures(row.seq()).orElse(null), row.author(), row.comment()));
    }

    /** The latest activations (start, reload, publish, rollback …) and publish request steps, newest first. */
    public List<RuleActivation> activations(int limit) {
        return jdbi.withExtension(RuleVersionDao.class, dao -> dao.activations(limit)).stream()
                .map(RuleVersions::activation).toList();
    }

    /** A publish request's steps in the activation log, oldest first. */
    public List<RuleActivation> steps(long request) {
        return jdbi.withExtension(RuleVersionDao.class, dao -> dao.steps(request)).stream()
                .map(RuleVersions::activation).toList();
    }

    /** Logs a step of publish request {@code request} (made, updated, approved …) about its candidate {@code hash}. */
    public void logStep(long request, String hash, String how, String who, String comment) {
        jdbi.useExtension(RuleVersionDao.class, dao -> dao.logStep(null, hash, how, Columns.clip(who, 100), Columns.clip(comment, 1000),
                null, request));
    }

    private static RuleActivation activation(RuleVersionDao.ActivationRow row) {
        return new RuleActivation(row.versionSeq(), row.hash(), row.how(), row.author(), row.comment(), row.fromHash(),
                row.activatedAt(), row.requestId());
    }

    /** The files of the latest stored version with this content, when there is one. */
    public Optional<RuleFiles> filesWithHash(String hash) {
        return jdbi.withExtension(RuleVersionDao.class, dao -> dao.latestWithHash(hash)).flatMap(this::files);
    }

    /** The sequence number of the latest stored version with this content. */
    public Optional<Long> seqWithHash(String hash) {
        return jdbi.withExtension(RuleVersionDao.class, dao -> dao.latestWithHash(hash));
    }

    /** The fixtures a version passed when it went live, when they were stored. */
    public Optional<FixtureFiles> fixtures(long seq) {
        return row(seq).filter(row -> row.fixturesJson() != null).map(row -> {
            try {
                return new FixtureFiles(json.readValue(row.fixturesJson(), new TypeReference<Map<String, String>>() { }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("version " + seq + " has unreadable fixtures", e);
            }
        });
    }

    /**
     * The rules an instance starts from, given its rules directory: the directory itself, unless it holds an
     * earlier stored version than the active one — a copy left behind on this instance while another published
     * (instances do not write each other's directories). Starting would then publish that earlier version for
     * every instance; instead the active version is written into the directory and returned. A directory holding
     * content never stored is an edit made while the service was stopped: returned as it is, to be gated.
     */
    public RuleFiles startingFiles(Path directory) {
        RuleFiles files = RuleFiles.readDirectory(directory);
        Optional<RuleVersionDao.RuleVersionRow> active = jdbi.withExtension(RuleVersionDao.class, RuleVersionDao::active);
        if (active.isEmpty() || active.get().hash().equals(files.version())) {
            return files;
        }
        Optional<Long> stored = jdbi.withExtension(RuleVersionDao.class, dao -> dao.latestWithHash(files.version()));
        if (stored.isEmpty()) {
            return files;
        }
        RuleFiles live = new RuleFiles(files(active.get()));
        LOG.warn("the rules directory holds rule set {} (stored version {}), not the active {} (version {}): another "
                + "instance published since; the active one stays live and is written to {}", files.version(),
                stored.get(), active.get().hash(), active.get().seq(), directory);
        writeDirectory(directory, live);
        return live;
    }

    /** The files of the active version, when one is stored. */
    public Optional<RuleFiles> activeFiles() {
        return jdbi.withExtension(RuleVersionDao.class, RuleVersionDao::active).map(row -> new RuleFiles(files(row)));
    }

    public List<RuleVersion> list() {
        return jdbi.withExtension(RuleVersionDao.class, RuleVersionDao::all).stream().map(this::version).toList();
    }

    public Optional<RuleVersion> find(long seq) {
        return row(seq).map(this::version);
    }

    public Optional<RuleFiles> files(long seq) {
        return row(seq).map(row -> new RuleFiles(files(row)));
    }

    /**
     * File by file, what changed from version {@code from} to version {@code to}: a DRL file by its lines, a
     * decision table by its cells and by the lines of the DRL it generates.
     */
    public List<RuleFileDiff> diff(RuleFiles from, RuleFiles to) {
        return diff(from.files(), to.files());
    }

    /** The same for any named texts (a fixture set, say): a decision table by its cells, every other file by lines. */
    public static List<RuleFileDiff> diff(Map<String, String> from, Map<String, String> to) {
        Set<String> names = new TreeSet<>(from.keySet());
        names.addAll(to.keySet());
        List<RuleFileDiff> diffs = new ArrayList<>();
        for (String name : names) {
            String before = from.get(name);
            String after = to.get(name);
            if (before != null && before.equals(after)) {
                continue;
            }
            String change = before == null ? "added" : after == null ? "removed" : "changed";
            if (DecisionTables.isTable(name)) {
                diffs.add(new RuleFileDiff(name, change, changedLines(cellLines(name, before), cellLines(name, after)),
                        changedLines(drlLines(name, before), drlLines(name, after))));
            } else {
                diffs.add(new RuleFileDiff(name, change, changedLines(lines(before), lines(after))));
            }
        }
        return diffs;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    private static List<String> cellLines(String name, String table) {
        return table == null ? List.of() : DecisionTables.cells(name, table).entrySet().stream()
                .map(cell -> cell.getKey() + ": " + cell.getValue()).toList();
    }

    /** The DRL a stored table generates; a version holds only tables that compiled, so this does too. */
    private static List<String> drlLines(String name, String table) {
        return table == null ? List.of() : RuleCompiler.drlOf(name, table).lines().toList();
    }

    /** Beyond this many cells the line-by-line comparison is not worth its memory: lines compared as sets instead. */
    private static final long MOST_CELLS = 16_000_000L;

    /**
     * The lines removed from {@code before} (-) and added in {@code after} (+), in file order: a longest common
     * subsequence, so a changed line shows even when the same text stands elsewhere in the file (a fixture's
     * {@code baseGrade: POTENTIAL} turned {@code PREMIUM} among other customers' lines).
     */
    static List<String> changedLines(List<String> before, List<String> after) {
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start && endAfter > start && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
            endBefore--;
            endAfter--;
        }
        List<String> old = before.subList(start, endBefore);
        List<String> now = after.subList(start, endAfter);
        if ((long) (old.size() + 1) * (now.size() + 1) > MOST_CELLS) {
            Set<String> oldSet = new LinkedHashSet<>(old);
            Set<String> nowSet = new LinkedHashSet<>(now);
            return Stream.concat(old.stream().filter(line -> !nowSet.contains(line)).map(line -> "- " + line),
                    now.stream().filter(line -> !oldSet.contains(line)).map(line -> "+ " + line)).toList();
        }
        // common[i][j]: the longest common subsequence of old from i and now from j
        int[][] common = new int[old.size() + 1][now.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                common[i][j] = old.get(i).equals(now.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < old.size() || j < now.size()) {
            if (i < old.size() && j < now.size() && old.get(i).equals(now.get(j))) {
                i++;
                j++;
            } else if (i < old.size() && (j == now.size() || common[i + 1][j] >= common[i][j + 1])) {
                changes.add("- " + old.get(i++)); // a changed line: the old text first, then the new
            } else {
                changes.add("+ " + now.get(j++));
            }
        }
        return changes;
    }

    /**
     * Writes every file to a temporary name first, then moves them into place and removes the files the rule
     * set no longer has. If a write fails nothing is moved; if a move fails the earlier moves are undone.
     */
    static void writeDirectory(Path directory, RuleFiles files) {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Map<Path, byte[]> before = new LinkedHashMap<>();
        try {
            for (String name : files.files().keySet()) {
                Path temp = directory.resolve("." + name + ".tmp");
                Files.write(temp, files.bytesOf(name));
                staged.put(temp, directory.resolve(name));
            }
            List<Path> removed = new ArrayList<>();
            try (Stream<Path> existing = Files.list(directory)) {
                for (Path path : (Iterable<Path>) existing::iterator) {
                    String name = path.getFileName().toString();
                    if (RuleFiles.isRuleFile(name) && Files.isRegularFile(path)) {
                        before.put(path, Files.readAllBytes(path));
                        if (!files.files().containsKey(name)) {
                            removed.add(path);
                        }
                    }
                }
            }
            for (Map.Entry<Path, Path> move : staged.entrySet()) {
                Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            for (Path path : removed) {
                Files.delete(path);
            }
        } catch (IOException e) {
            restore(directory, files, staged, before);
            throw new UncheckedIOException("cannot write the rules directory " + directory.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Back to the files the directory had: staged copies removed, overwritten and new files put back. */
    private static void restore(Path directory, RuleFiles files, Map<Path, Path> staged, Map<Path, byte[]> before) {
        try {
            for (Path temp : staged.keySet()) {
                Files.deleteIfExists(temp);
            }
            for (String name : files.files().keySet()) {
                Path path = directory.resolve(name);
                if (!before.containsKey(path)) {
                    Files.deleteIfExists(path);
                }
            }
            for (Map.Entry<Path, byte[]> file : before.entrySet()) {
                Files.write(file.getKey(), file.getValue());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("could not restore the rules directory {} after a failed write", directory, e);
        }
    }

    private Optional<RuleVersionDao.RuleVersionRow> row(long seq) {
        return jdbi.withExtension(RuleVersionDao.class, dao -> dao.find(seq));
    }

    private RuleVersion version(RuleVersionDao.RuleVersionRow row) {
        return new RuleVersion(row.seq(), row.hash(), row.author(), row.comment(), row.createdAt(), row.active(),
                files(row).keySet());
    }

    private TreeMap<String, String> files(RuleVersionDao.RuleVersionRow row) {
        try {
            return json.readValue(row.filesJson(), FILES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule version " + row.seq() + " holds unreadable files", e);
        }
    }
}
