package jipan.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import jipan.admin.ServiceMetrics;
import jipan.api.RuleRefusal;
import jipan.core.Classifier;
import jipan.webhooks.Events;
import jipan.webhooks.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set the service classifies with: a request takes {@link #current()} once and runs entirely on that rule
 * set, old or new. Only {@link RulePublisher} — the one owner of how a rule set goes live — swaps it. A live rule
 * set that does not settle for a customer is taken out of service here, on the request's thread, and the one it
 * replaced comes back.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    private final AtomicReference<Classifier> live;
    /** The rule set the live one replaced: what comes back when the live one is taken out of service. */
    private final AtomicReference<Classifier> previous = new AtomicReference<>();
    /** Versions taken out of service: never proposed again until the service restarts. */
    private final Set<String> outOfService = ConcurrentHashMap.newKeySet();
    private volatile Instant liveSince = Instant.now();
    private volatile RuleRefusal lastRefusal;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;
    private volatile Events events = Events.NONE;
    private volatile RuleRefusal takenOutOfService;

    public LiveRules(Classifier initial) {
        this.live = new AtomicReference<>(initial.withRunawayListener(this::runaway));
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
            events.happened(WebhookEvent.RULES_OUT_OF_SERVICE, Map.of("version", version, "liveVersion",
                    back.rulesetVersion(), "reason", reason));
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

    /** Counts rule sets made live and refused into these metrics. */
    public void metrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    /** Tells {@code events} when a candidate is refused or the live rule set is taken out of service. */
    public void events(Events events) {
        this.events = events;
    }

    ServiceMetrics metrics() {
        return metrics;
    }

    /** Whether {@code version} was taken out of service on this instance (until it restarts). */
    boolean isOutOfService(String version) {
        return outOfService.contains(version);
    }

    /** {@code next} replaces the live rule set; the replaced one is kept to come back to. */
    Classifier swap(Classifier next) {
        Classifier replaced = live.getAndSet(next);
        metrics.ruleActivations.inc();
        previous.set(replaced);
        takenOutOfService = null;
        liveSince = Instant.now();
        return replaced;
    }

    /** A candidate was refused: kept for the status, counted, logged; the live rules stay. */
    void refused(RuleRefusal refusal) {
        lastRefusal = refusal;
        metrics.ruleRefusals.inc();
        LOG.warn("rule set {} refused, {} stays live: {}", refusal.candidateVersion(), current().rulesetVersion(),
                refusal.reasons());
        events.happened(WebhookEvent.RULES_REFUSED, Map.of("version", refusal.candidateVersion(), "liveVersion",
                current().rulesetVersion(), "reasons", refusal.reasons()));
    }
}
