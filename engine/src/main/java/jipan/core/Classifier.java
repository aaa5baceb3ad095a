package jipan.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jipan.core.facts.AsOf;
import jipan.core.facts.ChurnAssigned;
import jipan.core.facts.Explained;
import jipan.core.facts.FollowUpDecided;
import jipan.core.facts.GradeAssigned;
import jipan.core.facts.LeadCategorised;
import jipan.core.facts.LeadFlagged;
import jipan.core.facts.LifecycleAssigned;
import jipan.core.facts.LoyaltyLevelAssigned;
import jipan.core.facts.LoyaltyScore;
import jipan.core.facts.TierAssigned;
import jipan.core.facts.VisitStats;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Runs the rules for one customer at a time: a session holds one customer's facts only, so the rules never
 * need to tell customers apart and one customer's facts never slow down or disturb another's. Sessions come
 * from the engine's pool, which resets a disposed session for the next customer.
 */
public final class Classifier {
    /** Firings per customer after which a rule set is taken to be looping. */
    public static final int DEFAULT_MAX_FIRINGS_PER_CUSTOMER = 10_000;
    /** Time the rules may take for one customer before they are stopped. */
    public static final long DEFAULT_MAX_MILLIS_PER_CUSTOMER = 1_000;

    /**
     * Told when a customer's run did not settle (the firing or the time limit stopped it), after the run was
     * abandoned: where a rule set that misbehaves on real data is taken out of service.
     */
    @FunctionalInterface
    public interface RunawayListener {
        RunawayListener NONE = (classifier, reason) -> { };

        void runaway(Classifier classifier, String reason);
    }

    private final CompiledRules rules;
    private final int maxFiringsPerCustomer;
    private final long maxMillisPerCustomer;
    private final RunawayListener runaway;
    private final KieSessionsPool sessions;
    /** Per store with its own settings, the sessions of its rule base ({@link StoreOverrides}). */
    private final Map<String, KieSessionsPool> storeSessions;
    /** Rule name → its topic ({@link CompiledRules#topicOf}), worked out once, not for every reason. */
    private final Map<String, String> topics;

    public Classifier(CompiledRules rules, int maxFiringsPerCustomer) {
        this(rules, maxFiringsPerCustomer, DEFAULT_MAX_MILLIS_PER_CUSTOMER);
    }

    public Classifier(CompiledRules rules, int maxFiringsPerCustomer, long maxMillisPerCustomer) {
        this(rules, maxFiringsPerCustomer, maxMillisPerCustomer, RunawayListener.NONE);
    }

    private Classifier(CompiledRules rules, int maxFiringsPerCustomer, long maxMillisPerCustomer,
                       RunawayListener runaway) {
        this.rules = rules;
        this.maxFiringsPerCustomer = maxFiringsPerCustomer;
        this.maxMillisPerCustomer = maxMillisPerCustomer;
        this.runaway = runaway;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.storeSessions = new HashMap<>();
        rules.storeBases().forEach((store, base) -> storeSessions.put(store,
                base.newKieSessionsPool(Runtime.getRuntime().availableProcessors())));
        this.topics = new HashMap<>();
        for (String rule : rules.ruleNames()) {
            String topic = rules.topicOf(rule);
            if (topic != null) {
                topics.put(rule, topic);
            }
        }
    }

    /** A classifier for other rules, with the same limits and the same runaway listener. */
    public Classifier withRules(CompiledRules other) {
        return new Classifier(other, maxFiringsPerCustomer, maxMillisPerCustomer, runaway);
    }

    /** The same rules and limits, telling {@code listener} of runs that did not settle. */
    public Classifier withRunawayListener(RunawayListener listener) {
        return new Classifier(rules, maxFiringsPerCustomer, maxMillisPerCustomer, listener);
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
        // a customer of a store with its own settings is classified with the store's rule base
        String store = customer.customer().getStore();
        KieSession session = (store == null ? sessions : storeSessions.getOrDefault(store, sessions)).newKieSession();
        FiringLog log = new FiringLog(topics, rules.texts());
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
        CustomerFacts known = customer.asOf(asOf);
        known.forEach(session::insert);
        // The time limit is checked before every firing: rule code has no loops or recursion (the verifier refuses
        // them), so each firing is short and the check is reached. It counts the CPU time the rules used (TimeLimit).
        TimeLimit limit = TimeLimit.start(maxMillisPerCustomer);
        AtomicBoolean tooSlow = new AtomicBoolean();
        AgendaFilter inTime = match -> {
            if (limit.exceeded()) {
                tooSlow.set(true);
                session.halt();
                return false;
            }
            return true;
        };
        int fired = session.fireAllRules(inTime, maxFiringsPerCustomer);
        if (log.unsaid != null) {
            throw new RuleEvaluationException("customer " + customerId + ": " + log.unsaid.getMessage());
        }
        if (tooSlow.get()) {
            throw runaway("customer " + customerId + ": the rules ran longer than " + maxMillisPerCustomer
                    + " ms (CPU time) and were stopped; most fired: " + log.mostFired(3));
        }
        if (fired >= maxFiringsPerCustomer) {
            throw runaway("customer " + customerId + ": the rules fired " + fired + " times without settling "
                    + "(limit " + maxFiringsPerCustomer + "); most fired: " + log.mostFired(3));
        }
        Decisions decisions = new Decisions(customerId, log.insertedBy);
        TierAssigned tier = decisions.single(TierAssigned.class, "the tier", d -> d.getTier().name());
        ChurnAssigned churn = decisions.single(ChurnAssigned.class, "the churn status", d -> d.getChurn().name());
        VisitStats stats = decisions.single(VisitStats.class, "the visit statistics",
                s -> s.getCustomerPayVisits() + " customer-pay visits");
        LoyaltyScore score = decisions.single(LoyaltyScore.class, "the loyalty score", s -> "score " + s.getScore());
        LoyaltyLevelAssigned level = decisions.single(LoyaltyLevelAssigned.class, "the loyalty level",
                d -> d.getLevel().name());
        GradeAssigned grade = decisions.single(GradeAssigned.class, "the base grade", d -> d.getGrade().name());

        List<VehicleResult> vehicles = customer.vehicles().stream().map(vehicle -> {
            LifecycleAssigned stage = decisions.single(LifecycleAssigned.class,
                    "the lifecycle of " + vehicle.getVin(), d -> d.getStage().name(),
                    d -> d.getVin().equals(vehicle.getVin()));
            return new VehicleResult(vehicle.getVin(), stage == null ? null : stage.getStage());
        }).toList();
        List<LeadResult> leads = customer.leads().stream().map(lead -> {
            LeadCategorised category = decisions.single(LeadCategorised.class,
                    "the category of lead " + lead.getLeadId(), LeadCategorised::getCategory,
                    d -> d.getLeadId().equals(lead.getLeadId()));
            List<String> flags = decisions.all(LeadFlagged.class).stream()
                    .filter(flag -> flag.getLeadId().equals(lead.getLeadId()))
                    .map(LeadFlagged::getFlag).distinct().toList();
            return new LeadResult(lead.getLeadId(), category == null ? null : category.getCategory(),
                    category == null ? null : category.getAction(), flags,
                    category == null ? null : log.insertedBy.get(category));
        }).toList();

        List<FollowUpResult> followUps = decisions.all(FollowUpDecided.class).stream()
                .map(f -> new FollowUpResult(f.getKind(), f.getSubject(), f.getPriority(), f.getDue(), f.getAssignee(),
                        f.getBasis(), log.insertedBy.get(f), log.said.get(f)))
                .sorted(Comparator.comparing(FollowUpResult::due, Comparator.nullsLast(
                                Comparator.naturalOrder()))
                        .thenComparingInt(FollowUpResult::priority)
                        .thenComparing(FollowUpResult::kind).thenComparing(FollowUpResult::subject))
                .toList();
        followUps = People.of(known).assign(followUps);
        return new Classification(customerId,
                tier == null ? null : tier.getTier(),
                stats == null ? null : stats.getCustomerPayVisits(),
                stats == null ? null : stats.getLastVisit(),
                churn == null ? null : churn.getChurn(),
                score == null ? null : new LoyaltyResult(score.getScore(), score.getSatisfaction(),
                        score.getMaintenance(), score.getActivity(), score.getAdvocacy(),
                        level == null ? null : level.getLevel()),
                grade == null ? null : grade.getGrade(),
                vehicles, leads, followUps, Collections.unmodifiableList(log.reasons),
                Collections.unmodifiableSet(log.fired.keySet()));
    }

    /** The run is abandoned (the session goes back to the pool, no lock is held) before the listener hears. */
    private RuleEvaluationException runaway(String reason) {
        runaway.runaway(this, reason);
        return new RuleEvaluationException(reason);
    }

    /** The facts the rules inserted for one customer, looked up by type. */
    private static final class Decisions {
        private final String customerId;
        private final Map<Object, String> insertedBy;
        /** The inserted facts grouped by class, once per customer (the facts are of final classes). */
        private final Map<Class<?>, List<Object>> byType = new HashMap<>();

        Decisions(String customerId, Map<Object, String> insertedBy) {
            this.customerId = customerId;
            this.insertedBy = insertedBy;
            for (Object fact : insertedBy.keySet()) {
                byType.computeIfAbsent(fact.getClass(), type -> new ArrayList<>(2)).add(fact);
            }
        }

        @SuppressWarnings("unchecked")
        <T> List<T> all(Class<T> type) {
            return (List<T>) byType.getOrDefault(type, List.of());
        }

        <T> T single(Class<T> type, String what, Function<T, String> describe) {
            return single(type, what, describe, fact -> true);
        }

        /** The one fact of a type (and subject) the rules inserted, or null; two are contradicting rules. */
        <T> T single(Class<T> type, String what, Function<T, String> describe, Predicate<T> about) {
            T found = null;
            int count = 0;
            for (T fact : all(type)) {
                if (about.test(fact)) {
                    found = fact;
                    count++;
                }
            }
            if (count > 1) {
                List<T> facts = all(type).stream().filter(about).toList();
                throw new RuleEvaluationException("customer " + customerId + ": " + facts.size()
                        + " rules decided " + what + ": " + facts.stream()
                        .map(fact -> "'" + insertedBy.get(fact) + "' → " + describe.apply(fact))
                        .collect(Collectors.joining(", ")));
            }
            return found;
        }
    }

    /** Records which rules fired, what they inserted and what they explained, for one customer. */
    private static final class FiringLog {
        private final Map<String, String> topics;
        private final RuleTexts texts;

        FiringLog(Map<String, String> topics, RuleTexts texts) {
            this.topics = topics;
            this.texts = texts;
        }

        /** The first rule that gave values its sentences do not take (or wrote no sentence). */
        RuleEvaluationException unsaid;
        /** What each explained fact said, in the form that serves every language. */
        final Map<Object, Sentence> said = new IdentityHashMap<>();

        /** Rule name → times fired, in order of first firing. */
        final Map<String, Integer> fired = new LinkedHashMap<>();
        final List<Reason> reasons = new ArrayList<>();
        /** The facts the rules inserted and did not delete again, with the rule that inserted each. */
        final Map<Object, String> insertedBy = new IdentityHashMap<>();

        /** The rules that fired most, with how often: a runaway rule leads this list. */
        String mostFired(int count) {
            return fired.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(count)
                    .map(entry -> "'" + entry.getKey() + "' " + entry.getValue() + " times")
                    .collect(Collectors.joining(", "));
        }

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
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
                    String rule = event.getRule().getName();
                    Sentence sentence;
                    try {
                        sentence = texts.capture(rule, explained.getBecause());
                    } catch (RuleEvaluationException e) { // thrown after the firing, not into the engine
                        sentence = Sentence.text("");
                        if (unsaid == null) {
                            unsaid = e;
                        }
                    }
                    reasons.add(new Reason(rule, topics.get(rule), sentence));
                    if (explained instanceof FollowUpDecided) { // a task carries its reason too
                        said.put(event.getObject(), sentence);
                    }
                }
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                insertedBy.remove(event.getOldObject());
            }
        };
    }
}
