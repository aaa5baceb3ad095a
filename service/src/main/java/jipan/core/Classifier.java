package jipan.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jipan.core.facts.AsOf;
import jipan.core.facts.ChurnAssigned;
import jipan.core.facts.Explained;
import jipan.core.facts.TierAssigned;
import jipan.core.facts.VisitStats;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Runs the rules for one customer at a time: a session holds one customer's facts only, so the rules never
 * need to tell customers apart and one customer's facts never slow down or disturb another's. Sessions come
 * from the engine's pool, which resets a disposed session for the next customer.
 */
public final class Classifier {
    /** Firings per customer after which a rule set is taken to be looping. */
    public static final int DEFAULT_MAX_FIRINGS_PER_CUSTOMER = 10_000;

    private final CompiledRules rules;
    private final int maxFiringsPerCustomer;
    private final KieSessionsPool sessions;

    public Classifier(CompiledRules rules, int maxFiringsPerCustomer) {
        this.rules = rules;
        this.maxFiringsPerCustomer = maxFiringsPerCustomer;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    public String rulesetVersion() {
        return rules.version();
    }

    public CompiledRules rules() {
        return rules;
    }

    public List<Classification> classify(LocalDate asOf, List<CustomerFacts> customers) {
        List<Classification> results = new ArrayList<>(customers.size());
        for (CustomerFacts customer : customers) {
            results.add(classify(asOf, customer));
        }
        return results;
    }

    public Classification classify(LocalDate asOf, CustomerFacts customer) {
        KieSession session = sessions.newKieSession();
        FiringLog log = new FiringLog();
        session.addEventListener(log.agenda);
        session.addEventListener(log.runtime);
        try {
            return run(session, log, asOf, customer);
        } finally {
            session.removeEventListener(log.agenda);
            session.removeEventListener(log.runtime);
            session.dispose();
        }
    }

    private Classification run(KieSession session, FiringLog log, LocalDate asOf, CustomerFacts customer) {
        String customerId = customer.customer().getId();
        session.insert(new AsOf(asOf));
        customer.asOf(asOf).all().forEach(session::insert);
        int fired = session.fireAllRules(maxFiringsPerCustomer);
        if (fired >= maxFiringsPerCustomer) {
            throw new RuleEvaluationException("customer " + customerId + ": the rules fired " + fired
                    + " times without settling (limit " + maxFiringsPerCustomer + "); last rule fired: '"
                    + log.lastFired + "'");
        }
        TierAssigned tier = single(TierAssigned.class, "tier", customerId, log, d -> d.getTier().name());
        ChurnAssigned churn = single(ChurnAssigned.class, "churn status", customerId, log, d -> d.getChurn().name());
        VisitStats stats = single(VisitStats.class, "visit statistics", customerId, log,
                s -> s.getCustomerPayVisits() + " customer-pay visits");
        return new Classification(customerId,
                tier == null ? null : tier.getTier(),
                stats == null ? null : stats.getCustomerPayVisits(),
                stats == null ? null : stats.getLastVisit(),
                churn == null ? null : churn.getChurn(),
                List.copyOf(log.reasons), Set.copyOf(log.fired));
    }

    /** The one fact of a type the rules inserted, or null when none did; two are contradicting rules. */
    private static <T> T single(Class<T> type, String what, String customerId, FiringLog log,
                                Function<T, String> describe) {
        List<T> facts = log.insertedBy.keySet().stream().filter(type::isInstance).map(type::cast).toList();
        if (facts.size() > 1) {
            throw new RuleEvaluationException("customer " + customerId + ": " + facts.size() + " rules decided the "
                    + what + ": " + facts.stream()
                    .map(fact -> "'" + log.insertedBy.get(fact) + "' → " + describe.apply(fact))
                    .collect(Collectors.joining(", ")));
        }
        return facts.isEmpty() ? null : facts.get(0);
    }

    /** Records which rules fired, what they inserted and what they explained, for one customer. */
    private static final class FiringLog {
        final Set<String> fired = new LinkedHashSet<>();
        final List<Reason> reasons = new ArrayList<>();
        /** The facts the rules inserted and did not delete again, with the rule that inserted each. */
        final Map<Object, String> insertedBy = new IdentityHashMap<>();
        String lastFired;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                lastFired = event.getMatch().getRule().getName();
                fired.add(lastFired);
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() == null) {
                    return;
                }
                insertedBy.put(event.getObject(), event.getRule().getName());
                if (event.getObject() instanceof Explained explained) {
                    reasons.add(new Reason(event.getRule().getName(), explained.getBecause()));
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                insertedBy.remove(event.getOldObject());
            }
        };
    }
}
