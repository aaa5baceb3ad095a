package jipan.lifecycle;
import com.codahale.metrics.Timer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import jipan.admin.ServiceMetrics;
import jipan.api.RuleOutcome;
import jipan.api.RuleRefusal;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RuleProblem;
import jipan.core.scenarios.FixtureFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureOutcome;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set the service classifies with, and how a new one goes live. A candidate is compiled and, when
 * a fixture gate is configured, must pass the fixtures before it replaces the live rules in one atomic
 * swap: a request takes {@link #current()} once and runs entirely on that rule set, old or new, and a
 * candidate that is refused leaves the live rules as they are.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);
    /** Every rule of a candidate fired by some fixture: the gate's default. */
    public static final int FULL_COVERAGE = 100;

    /**
     * Told of every rule set that goes live — its files, the fixtures it passed, who proposed it, why, how
     * (start, reload, publish, rollback …) and which version it replaced: where versions and the activation
     * log are recorded.
     */
    @FunctionalInterface
    public interface Publication {
        Publication NONE = activation -> { };

        void published(Activation activation);
    }

    /** One rule set going live. {@code fixtures} is null when no fixture gate is configured. */
    public record Activation(RuleFiles files, FixtureFiles fixtures, String author, String comment, String how,
                             String fromVersion) {
    }

    /** A candidate and where it came from; {@code fixtures} null means the fixture gate's directory as it is now. */
    public record Proposal(RuleFiles files, FixtureFiles fixtures, String author, String comment, String how) {
        public static Proposal of(RuleFiles files, String author, String comment, String how) {
            return new Proposal(files, null, author, comment, how);
        }
    }

    private final RuleCompiler compiler = new RuleCompiler();
    private final Path fixtureGate;
    /** The share of the candidate's rules (in %) its fixtures must fire: a rule no fixture fires is untested. */
    private final int minCoveragePercent;
    private final Publication publication;
    private final AtomicReference<Classifier> live;
    /** The rule set the live one replaced: what comes back when the live one is taken out of service. */
    private final AtomicReference<Classifier> previous = new AtomicReference<>();
    /** Versions taken out of service: never proposed again until the service restarts. */
    private final Set<String> outOfService = ConcurrentHashMap.newKeySet();
    private volatile Instant liveSince = Instant.now();
    private volatile RuleRefusal lastRefusal;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;
    private volatile RuleRefusal takenOutOfService;

    /**
     * @param fixtureGate the fixtures a candidate must pass before it goes live, or null for no gate
     */
    public LiveRules(Classifier initial, Path fixtureGate, Publication publication) {
        this(initial, fixtureGate, FULL_COVERAGE, publication);
    }

    /**
     * @param minCoveragePercent the share of a candidate's rules its fixtures must fire (0–100); below it the
     *                           candidate is refused, naming the rules no fixture fired
     */
    public LiveRules(Classifier initial, Path fixtureGate, int minCoveragePercent, Publication publication) {
        if (minCoveragePercent < 0 || minCoveragePercent > FULL_COVERAGE) {
            throw new IllegalArgumentException("rules.minCoveragePercent must be 0 to 100, not " + minCoveragePercent);
        }
        this.live = new AtomicReference<>(initial.withRunawayListener(this::runaway));
        this.fixtureGate = fixtureGate;
        this.minCoveragePercent = minCoveragePercent;
        this.publication = publication;
    }

    /**
     * The rules a service starts with. The active version (when the store has one) goes live as it is — it
     * passed the gate when it was published — and {@code directory}, if it differs, is proposed like any
     * candidate: refused, it is reported in {@link #lastRefusal()} and the active version stays. With no
     * version stored, {@code directory} must compile and pass the fixtures, or the start fails listing why.
     */
    public static LiveRules atStart(RuleFiles directory, Optional<RuleFiles> active,
                                    Function<RuleFiles, Classifier> compile, Path fixtureGate,
                                    int minCoveragePercent, Publication publication) {
        if (active.isPresent()) {
            LiveRules live = new LiveRules(compile.apply(active.get()), fixtureGate, minCoveragePercent, publication);
            if (!directory.version().equals(active.get().version())) {
                RuleOutcome outcome = live.propose(Proposal.of(directory, "startup", "the rules directory at start", "start"),
                        files -> { });
                if (!outcome.accepted()) {
                    LOG.warn("the rules directory ({}) differs from the active version {} and was refused; {} stays "
                            + "live: {}", directory.version(), active.get().version(), outcome.liveVersion(),
                            outcome.errors());
                }
            }
            return live;
        }
        Classifier first = compile.apply(directory);
        FixtureFiles fixtures = fixtureGate == null ? null : FixtureFiles.readDirectory(fixtureGate);
        if (fixtures != null) {
            List<String> failures = gate(new FixtureRunner(first).runAll(new FixtureLoader().load(fixtures)),
                    minCoveragePercent);
            if (!failures.isEmpty()) {
                throw new IllegalStateException("the rules directory fails the fixtures, so the service does not "
                        + "start (no rule set is stored yet to fall back on):\n" + String.join("\n", failures));
            }
        }
        publication.published(new Activation(directory, fixtures, "startup", "the rules directory at first start",
                "start", null));
        return new LiveRules(first, fixtureGate, minCoveragePercent, publication);
    }

    /**
     * A customer's run on {@code classifier} did not settle. If that is the live rule set, it is taken out of
     * service: the rule set it replaced comes back (when there is one), the health check turns red and
     * {@link #takenOutOfService()} says why. No lock is taken: this runs on a request's thread.
     */
    private void runaway(Classifier classifier, String reason) {
        if (live.get() != classifier) {
            return; // a candidate under test, or a rule set already replaced
        }
        Classifier back = previous.get();
        String version = classifier.rulesetVersion();
        if (back != null && live.compareAndSet(classifier, back)) {
            previous.compareAndSet(back, null);
            outOfService.add(version);
            liveSince = Instant.now();
            takenOutOfService = new RuleRefusal(Instant.now(), version, List.of(reason,
                    "taken out of service; " + back.rulesetVersion() + " is live again"));
            LOG.error("rule set {} taken out of service, {} is live again: {}", version, back.rulesetVersion(), reason);
        } else if (back == null) {
            takenOutOfService = new RuleRefusal(Instant.now(), version, List.of(reason,
                    "no earlier rule set to go back to: " + version + " stays live"));
            LOG.error("rule set {} did not settle for a customer and there is no earlier rule set: {}", version, reason);
        }
    }

    /** The last rule set taken out of service because a customer's run did not settle, or null. */
    public RuleRefusal takenOutOfService() {
        return takenOutOfService;
    }

    public Classifier current() {
        return live.get();
    }

    public Instant liveSince() {
        return liveSince;
    }

    public RuleRefusal lastRefusal() {
        return lastRefusal;
    }

    /** Compiles the candidate without touching the live rules: every error and warning, located. */
    public RuleOutcome validate(RuleFiles candidate) {
        try {
            CompiledRules compiled = compiler.compile(candidate);
            return new RuleOutcome(true, compiled.version(), current().rulesetVersion(), List.of(),
                    compiled.warnings().stream().map(RuleProblem::toString).toList());
        } catch (RuleCompilationException e) {
            return new RuleOutcome(false, candidate.version(), current().rulesetVersion(),
                    e.errors().stream().map(RuleProblem::toString).toList(), List.of());
        }
    }

    /** Compiles, gates and swaps in the candidate; one candidate at a time. */
    public RuleOutcome propose(RuleFiles candidate) {
        return propose(candidate, "system", null);
    }

    /** The same, recording who proposed the candidate and why with the version when it goes live. */
    public RuleOutcome propose(RuleFiles candidate, String author, String comment) {
        return propose(Proposal.of(candidate, author, comment, "change"), files -> { });
    }

    /**
     * The same, with a step that must succeed before the swap (writing the rules directory): if it fails, the
     * candidate is refused and the live rules stay, so the directory and the live rules never disagree.
     */
    public synchronized RuleOutcome propose(Proposal proposal, Consumer<RuleFiles> beforeSwap) {
        try (Timer.Context timing = metrics.ruleProposals.time()) {
            return proposeTimed(proposal, beforeSwap);
        }
    }

    /** Counts proposals, rule sets made live and refused into these metrics. */
    public void metrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    private RuleOutcome proposeTimed(Proposal proposal, Consumer<RuleFiles> beforeSwap) {
        RuleFiles candidate = proposal.files();
        if (candidate.version().equals(current().rulesetVersion())) {
            return new RuleOutcome(true, candidate.version(), candidate.version(), List.of(), List.of());
        }
        if (outOfService.contains(candidate.version())) {
            RuleRefusal why = takenOutOfService;
            return refuse(candidate.version(), List.of("rule set " + candidate.version() + " was taken out of service"
                    + (why != null && why.candidateVersion().equals(candidate.version()) ? " at " + why.at() + ": "
                    + why.reasons().get(0) : "") + "; publish a corrected version"));
        }
        CompiledRules compiled;
        try {
            compiled = compiler.compile(candidate);
        } catch (RuleCompilationException e) {
            return refuse(candidate.version(), e.errors().stream().map(RuleProblem::toString).toList());
        }
        Classifier next = current().withRules(compiled);
        // the proposal's own fixtures (a rollback's stored ones, a publish's changed ones), else the gate's directory
        FixtureFiles fixtures = fixtureGate == null ? null
                : proposal.fixtures() != null ? proposal.fixtures() : FixtureFiles.readDirectory(fixtureGate);
        if (fixtures != null) {
            List<String> failures = gate(new FixtureRunner(next).runAll(new FixtureLoader().load(fixtures)),
                    minCoveragePercent);
            if (!failures.isEmpty()) {
                return refuse(candidate.version(), failures);
            }
        }
        try {
            beforeSwap.accept(candidate);
            publication.published(new Activation(candidate, fixtures, proposal.author(), proposal.comment(),
                    proposal.how(), current().rulesetVersion()));
        } catch (RuntimeException e) {
            LOG.error("rule set {} passed but could not be recorded", candidate.version(), e);
            return refuse(candidate.version(), List.of("the rule set passed the checks but could not be recorded: "
                    + e.getMessage() + "; the live rules are unchanged"));
        }
        Classifier replaced = live.getAndSet(next);
        metrics.ruleActivations.inc();
        previous.set(replaced);
        takenOutOfService = null;
        liveSince = Instant.now();
        LOG.info("rule set {} is live ({} rules), replacing {}", next.rulesetVersion(),
                next.rules().ruleNames().size(), replaced.rulesetVersion());
        return new RuleOutcome(true, next.rulesetVersion(), next.rulesetVersion(), List.of(),
                compiled.warnings().stream().map(RuleProblem::toString).toList());
    }

    private RuleOutcome refuse(String version, List<String> reasons) {
        lastRefusal = new RuleRefusal(Instant.now(), version, reasons);
        metrics.ruleRefusals.inc();
        LOG.warn("rule set {} refused, {} stays live: {}", version, current().rulesetVersion(), reasons);
        return new RuleOutcome(false, version, current().rulesetVersion(), reasons, List.of());
    }

    /**
     * Why a fixture run does not let a rule set go live: each failing fixture, or else — when the fixtures fire
     * fewer than {@code minCoveragePercent} % of the rules — the coverage with every rule no fixture fired by name.
     * A rule no fixture fires is a rule nobody showed to do what it should; empty: the gate is passed.
     */
    static List<String> gate(FixtureReport report, int minCoveragePercent) {
        if (report.failed() > 0) {
            return report.outcomes().stream().filter(o -> !o.passed()).map(LiveRules::describe).toList();
        }
        int fired = report.ruleCount() - report.neverFired().size();
        // compared in whole rules, so 100 % means every rule and no rounding lets one slip through
        if (report.ruleCount() == 0 || (long) fired * FULL_COVERAGE >= (long) minCoveragePercent * report.ruleCount()) {
            return List.of();
        }
        return List.of("rule coverage " + fired + " of " + report.ruleCount() + " rules ("
                + (fired * FULL_COVERAGE / report.ruleCount()) + " %) is below the " + minCoveragePercent
                + " % the gate requires (rules.minCoveragePercent); no fixture fired: "
                + report.neverFired().stream().map(rule -> "\"" + rule + "\"")
                        .collect(java.util.stream.Collectors.joining(", "))
                + " — add a fixture that fires each of them");
    }

    private static String describe(FixtureOutcome outcome) {
        return "fixture " + outcome.name() + " fails: " + String.join("; ", outcome.differences());
    }
}
