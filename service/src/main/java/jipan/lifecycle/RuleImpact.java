package jipan.lifecycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import jipan.api.ImpactCell;
import jipan.api.ImpactReport;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.db.CustomerStore;

/**
 * What a candidate rule set would change: the stored customers (all, or the first {@code sample} in id order)
 * classified with the candidate and with the live rules, and for tier, churn and base grade the migration
 * matrix — how many customers move from each value to each other, with example customer ids.
 */
public final class RuleImpact {
    private static final int EXAMPLES = 5;
    private static final int PAGE = 500;

    private final CustomerStore store;

    public RuleImpact(CustomerStore store) {
        this.store = store;
    }

    public ImpactReport compare(Classifier live, Classifier candidate, LocalDate asOf, int sample) {
        return compare(live, candidate, asOf, sample, jipan.stores.StoreScope.ALL);
    }

    /** The same, over the customers of {@code scope}'s stores only (a store's impact). */
    public ImpactReport compare(Classifier live, Classifier candidate, LocalDate asOf, int sample,
                                jipan.stores.StoreScope scope) {
        CustomerStore store = this.store.in(scope);
        Map<String, Map<String, ImpactCell>> cells = new TreeMap<>();
        int compared = 0;
        String after = "";
        List<CustomerFacts> page;
        while (compared < sample && !(page = store.page(after, Math.min(PAGE, sample - compared))).isEmpty()) {
            List<Classification> before = live.classify(asOf, page);
            List<Classification> now = candidate.classify(asOf, page);
            for (int i = 0; i < page.size(); i++) {
                count(cells, "tier", before.get(i), now.get(i), Classification::tier);
                count(cells, "churn", before.get(i), now.get(i), Classification::churn);
                count(cells, "baseGrade", before.get(i), now.get(i), Classification::baseGrade);
                count(cells, "loyaltyLevel", before.get(i), now.get(i),
                        c -> c.loyalty() == null ? null : c.loyalty().level());
            }
            compared += page.size();
            after = page.get(page.size() - 1).customer().getId();
        }
        Map<String, List<ImpactCell>> migrations = new TreeMap<>();
        cells.forEach((output, byCell) -> {
            List<ImpactCell> list = new ArrayList<>(byCell.values());
            list.sort((a, b) -> a.from().equals(a.to()) == b.from().equals(b.to())
                    ? Integer.compare(b.customers(), a.customers()) : a.from().equals(a.to()) ? 1 : -1);
            migrations.put(output, list);
        });
        return new ImpactReport(asOf, live.rulesetVersion(), candidate.rulesetVersion(), compared, store.count(), migrations);
    }

    private static void count(Map<String, Map<String, ImpactCell>> cells, String output, Classification before,
                              Classification now, Function<Classification, Object> value) {
        String from = String.valueOf(value.apply(before));
        String to = String.valueOf(value.apply(now));
        cells.computeIfAbsent(output, o -> new TreeMap<>()).merge(from + "→" + to,
                new ImpactCell(from, to, 1, List.of(before.customerId())), (old, one) -> {
                    List<String> examples = old.examples().size() < EXAMPLES
                            ? append(old.examples(), before.customerId()) : old.examples();
                    return new ImpactCell(from, to, old.customers() + 1, examples);
                });
    }

    private static List<String> append(List<String> list, String value) {
        List<String> longer = new ArrayList<>(list);
        longer.add(value);
        return List.copyOf(longer);
    }
}
