package jipan.lifecycle;

import com.codahale.metrics.Timer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jipan.api.RuleOutcome;
import jipan.api.RuleRefusal;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleProblem;
import jipan.core.documents.InvalidInputException;
import jipan.core.scenarios.FixtureFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureOutcome;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a rule set goes live — the one class to read for it. Every way in (a publish, an approved or scheduled
 * publish request, a reload of the rules directory, a rollback, the version another instance made active, the
 * service's start) comes here and takes the same steps, one change at a time on this instance:
 * <ol>
 *   <li>merge the change with the live rule set ({@link #candidate});</li>
 *   <li>the gate: compile (the verifier checks the compiled classes), run the fixtures, require the rule coverage
 *       ({@link #check});</li>
 *   <li>write the rules directory (and the fixtures the change brought), so the directory and the live rules agree;</li>
 *   <li>record the version and the activation in the store, saying {@link How} it went live;</li>
 *   <li>swap it in: {@link LiveRules} answers every later request with it.</li>
 * </ol>
 * A step that fails refuses the candidate and undoes the steps before it: the live rules, the directory and the store
 * stay as they were. With {@code rules.approval: required} a change goes live only through an approved request
 * (or as an emergency rollback, with its reason); publishing, reloading and rolling back directly are refused.
 */
public final class RulePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RulePublisher.class);
    /** Every rule of a candidate fired by some fixture: the gate's default. */
    public static final int FULL_COVERAGE = 100;

    /** How a rule set went live: the activation log's {@code how}. */
    public enum How {
        /** The rules directory when the service started. */
        START,
        /** The rules directory, reloaded on request or because a file in it changed. */
        RELOAD,
        /** Published directly (approval optional). */
        PUBLISH,
        /** A publish request approved by a second person. */
        APPROVED,
        /** An approved publish request, at its effective time. */
        SCHEDULED,
        /** An earlier version made live again. */
        ROLLBACK,
        /** An earlier version made live again without approval, with the reason why it could not wait. */
        EMERGENCY_ROLLBACK,
        /** Taken up from the store, where another instance made it active: nothing is recorded again. */
        FOLLOW;

        /** As stored and answered: {@code emergency_rollback}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The ways that go live without a second person's approval even when it is required: an approved request, an
         * emergency rollback (with its reason), and the version the store already has active. A rules directory edited
         * on disk (reload, or a start over a changed directory) needs a request like any change.
         */
        boolean passesWithoutApproval() {
            return this == APPROVED || this == SCHEDULED || this == EMERGENCY_ROLLBACK || this == FOLLOW;
        }

        /** The ways that write the rules directory: a directory reloaded or started from already holds it. */
        boolean writesDirectory() {
            return this != START && this != RELOAD && this != FOLLOW;
        }
    }

    /**
     * A change to the live rule set: {@code files} adds or replaces rule files, {@code deleted} removes them, every
     * other file stays the live one's; {@code fixtures} / {@code deletedFixtures} do the same to the gate's fixtures
     * (both null: the fixtures as they are).
     */
    public record Change(Map<String, String> files, List<String> deleted, Map<String, String> fixtures,
                         List<String> deletedFixtures) {
        public Change {
            // copied as they are, nulls too: merging names a file without text as the bad input it is
            files = files == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(files));
            deleted = deleted == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(deleted));
        }

        /** A change of rule files only. */
        public static Change ofFiles(Map<String, String> files) {
            return new Change(files, List.of(), null, null);
        }

        /** The change that turns {@code from} into {@code to}, and (when not null) the fixtures into {@code fixtures}. */
        public static Change between(RuleFiles from, RuleFiles to, FixtureFiles fixtures) {
            List<String> gone = from.files().keySet().stream().filter(name -> !to.files().containsKey(name)).toList();
            return new Change(to.files(), gone, fixtures == null ? null : fixtures.files(), null);
        }

        public boolean changesFixtures() {
            return fixtures != null || deletedFixtures != null;
        }
    }

    /** A candidate rule set and the fixtures it must pass (null: the gate's directory as it is when gated). */
    public record Candidate(RuleFiles files, FixtureFiles fixtures) {
    }

    /**
     * A candidate through the gate: compiled (or the compile errors), the fixture report (null when there is no
     * gate, or the candidate did not compile) and why it may not go live (empty: it may).
     */
    public record Checked(Candidate candidate, Classifier classifier, List<String> warnings, FixtureReport report,
                          List<String> refusal) {
        public boolean passed() {
            return refusal.isEmpty();
        }
    }

    private final RuleCompiler compiler = new RuleCompiler();
    private final LiveRules live;
    private final RuleVersions versions;
    private final Path directory;
    private final Path fixtureGate;
    /** The share of the candidate's rules (in %) its fixtures must fire: a rule no fixture fires is untested. */
    private final int minCoveragePercent;
    private final boolean approvalRequired;

    /**
     * @param directory          the rules directory: what a reload reads and a publish writes
     * @param fixtureGate        the fixtures a candidate must pass before it goes live, or null for no gate
     * @param minCoveragePercent the share of a candidate's rules its fixtures must fire (0–100)
     * @param approvalRequired   whether a change needs a second person's approval ({@code rules.approval: required})
     */
    public RulePublisher(LiveRules live, RuleVersions versions, Path directory, Path fixtureGate,
                         int minCoveragePercent, boolean approvalRequired) {
        if (minCoveragePercent < 0 || minCoveragePercent > FULL_COVERAGE) {
            throw new IllegalArgumentException("rules.minCoveragePercent must be 0 to 100, not " + minCoveragePercent);
        }
        this.live = live;
        this.versions = versions;
        this.directory = directory;
        this.fixtureGate = fixtureGate;
        this.minCoveragePercent = minCoveragePercent;
        this.approvalRequired = approvalRequired;
    }

    /**
     * The rules a service starts with. The store's active version goes live as it is — it passed the gate when it
     * went live — and a rules directory that differs from it is a candidate like any other (refused, it is reported
     * in {@link LiveRules#lastRefusal()} and the active version stays; with approval required it waits for a publish
     * request). With no version stored, the directory must compile and pass the gate, or the start fails saying why.
     */
    public static RulePublisher start(RuleVersions versions, Path directory, Function<RuleFiles, Classifier> compile,
                                      Path fixtureGate, int minCoveragePercent, boolean approvalRequired) {
        RuleFiles files = versions.startingFiles(directory);
        Optional<RuleFiles> active = versions.activeFiles();
        if (active.isPresent()) {
            RulePublisher publisher = new RulePublisher(new LiveRules(compile.apply(active.get())), versions, directory,
                    fixtureGate, minCoveragePercent, approvalRequired);
            if (!files.version().equals(active.get().version())) {
                RuleOutcome outcome = publisher.goLive(new Candidate(files, null), How.START, "startup",
                        "the rules directory at start");
                if (!outcome.accepted()) {
                    LOG.warn("the rules directory ({}) differs from the active version {} and did not go live; {} "
                            + "stays: {}", files.version(), active.get().version(), outcome.liveVersion(), outcome.errors());
                }
            }
            return publisher;
        }
        RulePublisher publisher = new RulePublisher(new LiveRules(compile.apply(files)), versions, directory,
                fixtureGate, minCoveragePercent, approvalRequired);
        // the same gate as every candidate (the files compiled above: the compiler keeps them), with no swap to make
        Checked first = publisher.check(new Candidate(files, null));
        if (!first.passed()) {
            throw new IllegalStateException("the rules directory fails the fixtures, so the service does not "
                    + "start (no rule set is stored yet to fall back on):\n" + String.join("\n", first.refusal()));
        }
        versions.record(files, first.candidate().fixtures(), "startup", "the rules directory at first start",
                How.START, null);
        return publisher;
    }

    public LiveRules live() {
        return live;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    /** The live rule set with the change applied; 422 naming what is wrong with the change. */
    public Candidate candidate(Change change) {
        if (change.files().isEmpty() && change.deleted().isEmpty()) {
            throw new InvalidInputException(List.of(
                    "files: required (the files to add or change), or deleted (the files to remove)"));
        }
        RuleFiles files;
        try {
            files = live.current().rules().files().withChanges(change.files(), change.deleted());
        } catch (RuleFiles.InvalidRuleFilesException e) {
            throw new InvalidInputException(e.problems());
        }
        if (!change.changesFixtures()) {
            return new Candidate(files, null);
        }
        if (fixtureGate == null) {
            throw new InvalidInputException(List.of("fixtures: there is no fixture gate (rules.fixtureGate) to change"));
        }
        return new Candidate(files, fixturesWithChanges(fixtureGate, change));
    }

    /**
     * The fixtures of {@code directory} with the change's {@code fixtures} and {@code deletedFixtures} applied; 422
     * naming each bad path or text.
     */
    public static FixtureFiles fixturesWithChanges(Path directory, Change change) {
        try {
            return FixtureFiles.readDirectory(directory).withChanges(
                    change.fixtures() == null ? Map.of() : change.fixtures(),
                    change.deletedFixtures() == null ? List.of() : change.deletedFixtures());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(e.getMessage().split("; ")));
        }
    }

    /** Compiles the candidate without touching the live rules: every error and warning, located. */
    public RuleOutcome validate(RuleFiles candidate) {
        try {
            CompiledRules compiled = compiler.compile(candidate);
            return new RuleOutcome(true, compiled.version(), live.current().rulesetVersion(), List.of(),
                    compiled.warnings().stream().map(RuleProblem::toString).toList());
        } catch (RuleCompilationException e) {
            return new RuleOutcome(false, candidate.version(), live.current().rulesetVersion(),
                    e.errors().stream().map(RuleProblem::toString).toList(), List.of());
        }
    }

    /** The gate, without touching anything: compile, fixtures, coverage. */
    public Checked check(Candidate candidate) {
        CompiledRules compiled;
        try {
            compiled = compiler.compile(candidate.files());
        } catch (RuleCompilationException e) {
            return new Checked(candidate, null, List.of(), null,
                    e.errors().stream().map(RuleProblem::toString).toList());
        }
        Classifier next = live.current().withRules(compiled);
        List<String> warnings = compiled.warnings().stream().map(RuleProblem::toString).toList();
        FixtureFiles fixtures = fixturesOf(candidate);
        if (fixtures == null) {
            return new Checked(candidate, next, warnings, null, List.of());
        }
        FixtureReport report = new FixtureRunner(next).runAll(new FixtureLoader().load(fixtures));
        return new Checked(new Candidate(candidate.files(), fixtures), next, warnings, report,
                gate(report, minCoveragePercent));
    }

    /** Publishes a change directly: refused when approval is required (a publish request is made instead). */
    public synchronized RuleOutcome publish(Change change, String author, String comment) {
        return goLive(candidate(change), How.PUBLISH, author, comment);
    }

    /** Makes the rules directory live as it is now. */
    public synchronized RuleOutcome reload(String author, String comment) {
        return goLive(new Candidate(RuleFiles.readDirectory(directory), null), How.RELOAD, author, comment);
    }

    /**
     * Makes stored version {@code seq} live again, gated with the fixtures it passed when it went live (versions
     * stored before fixtures were kept use the gate's directory). {@code emergency} skips a required approval and
     * then needs a {@code reason}, kept in the activation log.
     */
    public synchronized RuleOutcome rollback(long seq, String author, String reason, boolean emergency) {
        RuleFiles files = versions.files(seq).orElseThrow(() -> new IllegalArgumentException("no rule version " + seq));
        if (emergency && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(List.of("reason: required for an emergency rollback (it goes live without "
                    + "approval, and the log keeps why)"));
        }
        String comment = "activated version " + seq + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        return goLive(new Candidate(files, versions.fixtures(seq).orElse(null)),
                emergency ? How.EMERGENCY_ROLLBACK : How.ROLLBACK, author, comment);
    }

    /**
     * An approved publish request goes live: only if the active version is still {@code base}, the one the request
     * was made (or brought up to date) on, and the candidate passes the gate again now.
     */
    public synchronized RuleOutcome publishApproved(Candidate candidate, String base, How how, String author,
                                                    String comment, long request) {
        String active = versions.activeHash().orElse(live.current().rulesetVersion());
        if (!active.equals(base)) {
            return refuse(candidate.files().version(), List.of("the live rules changed since the request was made "
                    + "(made on " + base + ", live now " + active + "); bring the request up to date first"));
        }
        return goLive(candidate, how, author, comment, request);
    }

    /**
     * For instances sharing one database: the version another instance made active goes live here too (this
     * instance's rules directory is left as it is, nothing is recorded). Empty when in step.
     */
    public synchronized Optional<RuleOutcome> follow() {
        return versions.activeVersion()
                .filter(active -> !active.files().version().equals(live.current().rulesetVersion()))
                .map(active -> takeUp(new Candidate(active.files(), active.fixtures()), active.author(), active.comment()));
    }

    /**
     * A rule set another instance records (or recorded) as active goes live here too, through the gate, with nothing
     * written or recorded: how an instance follows the store.
     */
    public synchronized RuleOutcome takeUp(Candidate candidate, String author, String comment) {
        return goLive(candidate, How.FOLLOW, author, comment);
    }

    /** The steps every way in takes; see the class comment. */
    private RuleOutcome goLive(Candidate proposed, How how, String author, String comment) {
        return goLive(proposed, how, author, comment, null);
    }

    private RuleOutcome goLive(Candidate proposed, How how, String author, String comment, Long request) {
        try (Timer.Context timing = live.metrics().ruleProposals.time()) {
            String version = proposed.files().version();
            if (version.equals(live.current().rulesetVersion())) {
                return new RuleOutcome(true, version, version, List.of(), List.of());
            }
            if (approvalRequired && !how.passesWithoutApproval()) {
                return refuse(version, List.of("rules.approval is required: a change goes live through a publish "
                        + "request another person approves (or, in an emergency, a rollback with a reason)"));
            }
            if (live.isOutOfService(version)) {
                RuleRefusal why = live.takenOutOfService();
                return refuse(version, List.of("rule set " + version + " was taken out of service"
                        + (why != null && why.candidateVersion().equals(version) ? " at " + why.at() + ": "
                        + why.reasons().get(0) : "") + "; publish a corrected version"));
            }
            Checked checked = check(proposed);
            if (!checked.passed()) {
                return refuse(version, checked.refusal());
            }
            Candidate candidate = checked.candidate();
            String replaced = live.current().rulesetVersion();
            RuleFiles before = live.current().rules().files();
            boolean written = false;
            try {
                if (how.writesDirectory()) {
                    RuleVersions.writeDirectory(directory, candidate.files());
                    written = true;
                    if (proposed.fixtures() != null && fixtureGate != null) {
                        proposed.fixtures().writeDirectory(fixtureGate);
                    }
                }
                if (how != How.FOLLOW) {
                    versions.record(candidate.files(), candidate.fixtures(), author, comment, how, replaced, request);
                }
            } catch (RuntimeException e) {
                LOG.error("rule set {} passed but could not be recorded", version, e);
                if (written) {
                    restoreDirectory(before);
                }
                return refuse(version, List.of("the rule set passed the checks but could not be recorded: "
                        + e.getMessage() + "; the live rules are unchanged"));
            }
            live.swap(checked.classifier());
            LOG.info("rule set {} is live ({} rules, {} by {}), replacing {}", version,
                    checked.classifier().rules().ruleNames().size(), how.code(), author, replaced);
            return new RuleOutcome(true, version, version, List.of(), checked.warnings());
        }
    }

    private void restoreDirectory(RuleFiles before) {
        try {
            RuleVersions.writeDirectory(directory, before);
        } catch (RuntimeException e) {
            LOG.error("could not put the live rules back into {} after a failed publish", directory, e);
        }
    }

    private RuleOutcome refuse(String version, List<String> reasons) {
        live.refused(new RuleRefusal(Instant.now(), version, reasons));
        return new RuleOutcome(false, version, live.current().rulesetVersion(), reasons, List.of());
    }

    /** The candidate's own fixtures (a rollback's stored ones, a publish's changed ones), else the gate's directory. */
    private FixtureFiles fixturesOf(Candidate candidate) {
        return fixtureGate == null ? null
                : candidate.fixtures() != null ? candidate.fixtures() : FixtureFiles.readDirectory(fixtureGate);
    }

    /**
     * Why a fixture run does not let a rule set go live: each failing fixture, or else — when the fixtures fire
     * fewer than {@code minCoveragePercent} % of the rules — the coverage with every rule no fixture fired by name.
     * A rule no fixture fires is a rule nobody showed to do what it should; empty: the gate is passed.
     */
    static List<String> gate(FixtureReport report, int minCoveragePercent) {
        if (report.failed() > 0) {
            return report.outcomes().stream().filter(o -> !o.passed()).map(RulePublisher::describe).toList();
        }
        int fired = report.fired();
        // compared in whole rules, so 100 % means every rule and no rounding lets one slip through
        if (report.ruleCount() == 0 || (long) fired * FULL_COVERAGE >= (long) minCoveragePercent * report.ruleCount()) {
            return List.of();
        }
        return List.of("rule coverage " + fired + " of " + report.ruleCount() + " rules ("
                + report.coveragePercent() + " %) is below the " + minCoveragePercent
                + " % the gate requires (rules.minCoveragePercent); no fixture fired: "
                + report.neverFired().stream().map(rule -> "\"" + rule + "\"").collect(Collectors.joining(", "))
                + " — add a fixture that fires each of them");
    }

    private static String describe(FixtureOutcome outcome) {
        return "fixture " + outcome.name() + " fails: " + String.join("; ", outcome.differences());
    }
}
