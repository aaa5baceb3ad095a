package jipan.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jipan.fixtures.FixtureLoader;
import jipan.fixtures.FixtureOutcome;
import jipan.fixtures.FixtureReport;
import jipan.fixtures.FixtureRunner;
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

    /** The answer to a candidate rule set. */
    public record Outcome(boolean accepted, String version, String liveVersion, List<String> errors,
                          List<String> warnings) {
    }

    /** Told of every rule set that goes live, with who proposed it and why: where versions are recorded. */
    @FunctionalInterface
    public interface Publication {
        Publication NONE = (files, author, comment) -> { };

        void published(RuleFiles files, String author, String comment);
    }

    /** Why the last candidate was refused, and when. */
    public record Refusal(Instant at, String candidateVersion, List<String> reasons) {
    }

    private final RuleCompiler compiler = new RuleCompiler();
    private final Path fixtureGate;
    private final Publication publication;
    private final AtomicReference<Classifier> live;
    private volatile Instant liveSince = Instant.now();
    private volatile Refusal lastRefusal;

    /**
     * @param fixtureGate the fixtures a candidate must pass before it goes live, or null for no gate
     */
    public LiveRules(Classifier initial, Path fixtureGate, Publication publication) {
        this.live = new AtomicReference<>(initial);
        this.fixtureGate = fixtureGate;
        this.publication = publication;
    }

    public Classifier current() {
        return live.get();
    }

    public Instant liveSince() {
        return liveSince;
    }

    public Refusal lastRefusal() {
        return lastRefusal;
    }

    /** Compiles the candidate without touching the live rules: every error and warning, located. */
    public Outcome validate(RuleFiles candidate) {
        try {
            CompiledRules compiled = compiler.compile(candidate);
            return new Outcome(true, compiled.version(), current().rulesetVersion(), List.of(),
                    compiled.warnings().stream().map(RuleProblem::toString).toList());
        } catch (RuleCompilationException e) {
            return new Outcome(false, candidate.version(), current().rulesetVersion(),
                    e.errors().stream().map(RuleProblem::toString).toList(), List.of());
        }
    }

    /** Compiles, gates and swaps in the candidate; one candidate at a time. */
    public Outcome propose(RuleFiles candidate) {
        return propose(candidate, "system", null);
    }

    /** The same, recording who proposed the candidate and why with the version when it goes live. */
    public synchronized Outcome propose(RuleFiles candidate, String author, String comment) {
        if (candidate.version().equals(current().rulesetVersion())) {
            return new Outcome(true, candidate.version(), candidate.version(), List.of(), List.of());
        }
        CompiledRules compiled;
        try {
            compiled = compiler.compile(candidate);
        } catch (RuleCompilationException e) {
            return refuse(candidate.version(), e.errors().stream().map(RuleProblem::toString).toList());
        }
        Classifier next = current().withRules(compiled);
        if (fixtureGate != null) {
            FixtureReport report = new FixtureRunner(next).runAll(new FixtureLoader().load(fixtureGate));
            if (report.failed() > 0) {
                return refuse(candidate.version(), report.outcomes().stream().filter(o -> !o.passed())
                        .map(LiveRules::describe).toList());
            }
        }
        publication.published(candidate, author, comment);
        Classifier previous = live.getAndSet(next);
        liveSince = Instant.now();
        LOG.info("rule set {} is live ({} rules), replacing {}", next.rulesetVersion(),
                next.rules().ruleNames().size(), previous.rulesetVersion());
        return new Outcome(true, next.rulesetVersion(), next.rulesetVersion(), List.of(),
                compiled.warnings().stream().map(RuleProblem::toString).toList());
    }

    private Outcome refuse(String version, List<String> reasons) {
        lastRefusal = new Refusal(Instant.now(), version, reasons);
        LOG.warn("rule set {} refused, {} stays live: {}", version, current().rulesetVersion(), reasons);
        return new Outcome(false, version, current().rulesetVersion(), reasons, List.of());
    }

    private static String describe(FixtureOutcome outcome) {
        return "fixture " + outcome.name() + " fails: " + String.join("; ", outcome.differences());
    }
}
