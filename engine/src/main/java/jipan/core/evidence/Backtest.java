package jipan.core.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.FollowUpResult;
import jipan.core.Stages;
import jipan.core.kpi.Kpis;
import jipan.core.facts.Churn;

/**
 * Judges rule sets by what customers did: each customer is classified as of D with only the facts known on D (the
 * classifier leaves later ones out), and again as of D + H, and the answers as of D are scored against the
 * customer's {@link Afterwards} — the visits, wins and purchases the store recorded in (D, D + H]. Fed a page of
 * customers at a time ({@link #add}); {@link #result} sums up. With a candidate, both rule sets see the same
 * customers and are scored side by side.
 */
public final class Backtest {
    /** Customers listed by name among those the candidate answers differently; the rest are counted. */
    public static final int EXAMPLES = 100;

    private final LocalDate asOf;
    private final int horizonMonths;
    private final LocalDate horizonEnd;
    private final Classifier live;
    private final Classifier candidate;
    private final Tally liveTally;
    private final Tally candidateTally;
    private final Executor executor;
    private final Map<String, int[]> moves = new TreeMap<>();
    private final List<BacktestResult.Changed> examples = new ArrayList<>();
    private int customers;
    private int changed;

    /** {@code candidate} null: the live rules alone; everything classified on the caller's thread. */
    public Backtest(LocalDate asOf, int horizonMonths, Classifier live, Classifier candidate) {
        this(asOf, horizonMonths, live, candidate, Runnable::run);
    }

    /**
     * The same, the page's classifications — each rule set as of D and as of D + H — handed to {@code executor}, so
     * they can use every core (the classifiers are thread-safe: each classification has a session of its own).
     */
    public Backtest(LocalDate asOf, int horizonMonths, Classifier live, Classifier candidate, Executor executor) {
        if (horizonMonths < 1) {
            throw new IllegalArgumentException("horizonMonths: must be at least 1, not " + horizonMonths);
        }
        this.asOf = asOf;
        this.horizonMonths = horizonMonths;
        this.horizonEnd = asOf.plusMonths(horizonMonths);
        this.live = live;
        this.candidate = candidate;
        this.liveTally = new Tally(live.rulesetVersion());
        this.candidateTally = candidate == null ? null : new Tally(candidate.rulesetVersion());
        this.executor = executor;
    }

    public LocalDate horizonEnd() {
        return horizonEnd;
    }

    /** Classifies and scores a page of customers (every fact the store holds, later ones included). */
    public void add(List<CustomerFacts> page) {
        CompletableFuture<List<Classification>> liveThenSoon = classify(live, asOf, page);
        CompletableFuture<List<Classification>> liveAfterSoon = classify(live, horizonEnd, page);
        CompletableFuture<List<Classification>> candidateThenSoon = candidate == null ? null
                : classify(candidate, asOf, page);
        CompletableFuture<List<Classification>> candidateAfterSoon = candidate == null ? null
                : classify(candidate, horizonEnd, page);
        List<Classification> liveThen = Stages.await(liveThenSoon);
        List<Classification> liveAfter = Stages.await(liveAfterSoon);
        List<Classification> candidateThen = candidate == null ? null : Stages.await(candidateThenSoon);
        List<Classification> candidateAfter = candidate == null ? null : Stages.await(candidateAfterSoon);
        for (int i = 0; i < page.size(); i++) {
            Afterwards did = Afterwards.of(page.get(i), asOf, horizonEnd);
            liveTally.add(liveThen.get(i), liveAfter.get(i), did);
            if (candidate != null) {
                candidateTally.add(candidateThen.get(i), candidateAfter.get(i), did);
                compare(liveThen.get(i), candidateThen.get(i), did);
            }
        }
        customers += page.size();
    }

    private CompletableFuture<List<Classification>> classify(Classifier classifier, LocalDate date,
                                                             List<CustomerFacts> page) {
        return CompletableFuture.supplyAsync(() -> classifier.classify(date, page), executor);
    }

    public BacktestResult result() {
        List<BacktestResult.Move> moveList = new ArrayList<>();
        moves.forEach((key, counts) -> {
            String[] parts = key.split("\t");
            moveList.add(new BacktestResult.Move(parts[0], parts[1], parts[2], counts[0], counts[1],
                    Kpis.ratio(counts[1], counts[0])));
        });
        moveList.sort((a, b) -> Integer.compare(b.customers(), a.customers()));
        return new BacktestResult(asOf, horizonMonths, horizonEnd, customers, liveTally.score(),
                candidateTally == null ? null : candidateTally.score(), changed, List.copyOf(moveList),
                List.copyOf(examples));
    }

    private void compare(Classification before, Classification now, Afterwards did) {
        boolean tierMoved = !Objects.equals(before.tier(), now.tier());
        boolean churnMoved = !Objects.equals(before.churn(), now.churn());
        if (!tierMoved && !churnMoved) {
            return;
        }
        changed++;
        if (tierMoved) {
            move("tier", name(before.tier()), name(now.tier()), did);
        }
        if (churnMoved) {
            move("churn", name(before.churn()), name(now.churn()), did);
        }
        if (examples.size() < EXAMPLES) {
            examples.add(new BacktestResult.Changed(before.customerId(), name(before.tier()), name(now.tier()),
                    name(before.churn()), name(now.churn()), did.cameBack(), did.daysToReturn(), did.bought()));
        }
    }

    private void move(String output, String from, String to, Afterwards did) {
        int[] counts = moves.computeIfAbsent(output + "\t" + from + "\t" + to, key -> new int[2]);
        counts[0]++;
        counts[1] += did.cameBack() ? 1 : 0;
    }

    /**
     * A value's name, NONE when no rule decided it: how a backtest's cells name a tier or churn state, and so how an
     * answer's observed rate is looked up.
     */
    public static String name(Enum<?> value) {
        return value == null ? "NONE" : value.name();
    }

    /** The middle value; of an even count, the lower of the two in the middle. Null of none. */
    static Integer median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** One rule set's counts. */
    private static final class Tally {
        private final String version;
        /** customers, came back, stayed (tiers) per key. */
        private final Map<String, int[]> byChurn = new TreeMap<>();
        private final Map<String, int[]> byTier = new TreeMap<>();
        private final Map<String, int[]> byTierAndChurn = new TreeMap<>();
        private final Map<String, int[]> byFollowUp = new TreeMap<>();
        private final Map<String, List<Integer>> daysByFollowUp = new TreeMap<>();
        private int population;
        private int predicted;
        private int didNotComeBack;
        private int correct;

        Tally(String version) {
            this.version = version;
        }

        void add(Classification then, Classification after, Afterwards did) {
            int back = did.cameBack() ? 1 : 0;
            count(byChurn, name(then.churn()), back, 0);
            count(byTier, name(then.tier()), back, Objects.equals(then.tier(), after.tier()) ? 1 : 0);
            count(byTierAndChurn, name(then.tier()) + "\t" + name(then.churn()), back, 0);
            Churn churn = then.churn();
            if (churn == Churn.ACTIVE || churn == Churn.AT_RISK || churn == Churn.LOST) {
                population++;
                boolean predictsAway = churn != Churn.ACTIVE;
                predicted += predictsAway ? 1 : 0;
                didNotComeBack += did.cameBack() ? 0 : 1;
                correct += predictsAway && !did.cameBack() ? 1 : 0;
            }
            Set<String> kinds = new HashSet<>();
            for (FollowUpResult task : then.followUps()) {
                kinds.add(task.kind().name());
            }
            for (String kind : kinds) { // a customer counts once per kind, however many tasks of it they have
                count(byFollowUp, kind, back, did.bought() ? 1 : 0);
                if (did.cameBack()) {
                    daysByFollowUp.computeIfAbsent(kind, k -> new ArrayList<>()).add(did.daysToReturn());
                }
            }
        }

        private static void count(Map<String, int[]> counts, String key, int back, int third) {
            int[] c = counts.computeIfAbsent(key, k -> new int[3]);
            c[0]++;
            c[1] += back;
            c[2] += third;
        }

        BacktestScore score() {
            List<BacktestScore.Cell> churns = new ArrayList<>();
            byChurn.forEach((churn, c) -> churns.add(new BacktestScore.Cell(null, churn, c[0], c[1], Kpis.ratio(c[1], c[0]),
                    null, null)));
            List<BacktestScore.Cell> tiers = new ArrayList<>();
            byTier.forEach((tier, c) -> tiers.add(new BacktestScore.Cell(tier, null, c[0], c[1], Kpis.ratio(c[1], c[0]),
                    c[2], Kpis.ratio(c[2], c[0]))));
            List<BacktestScore.Cell> cells = new ArrayList<>();
            byTierAndChurn.forEach((key, c) -> {
                String[] parts = key.split("\t");
                cells.add(new BacktestScore.Cell(parts[0], parts[1], c[0], c[1], Kpis.ratio(c[1], c[0]), null, null));
            });
            List<BacktestScore.TaskCell> tasks = new ArrayList<>();
            byFollowUp.forEach((kind, c) -> tasks.add(new BacktestScore.TaskCell(kind, c[0], c[1], Kpis.ratio(c[1], c[0]),
                    median(daysByFollowUp.getOrDefault(kind, List.of())), c[2], Kpis.ratio(c[2], c[0]))));
            BigDecimal precision = Kpis.ratio(correct, predicted);
            BigDecimal baseRate = Kpis.ratio(didNotComeBack, population);
            // (correct / predicted) / (didNotComeBack / population), from the counts, not the rounded shares
            BigDecimal lift = predicted == 0 || didNotComeBack == 0 ? null
                    : BigDecimal.valueOf((long) correct * population)
                    .divide(BigDecimal.valueOf((long) predicted * didNotComeBack), 2, RoundingMode.HALF_UP);
            return new BacktestScore(version, List.copyOf(churns), List.copyOf(tiers), List.copyOf(cells),
                    new BacktestScore.Prediction(population, predicted, didNotComeBack, correct, precision,
                            Kpis.ratio(correct, didNotComeBack), baseRate, lift), List.copyOf(tasks));
        }
    }
}
