package jipan.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import jipan.stores.StoreScope;
import jipan.stores.Stores;

/**
 * The league table of a group's 4S stores for a month: each store's monthly churn, retained rate, recapture of its
 * call list and defeat rate, each computed by the report that defines it (limited to the store), each ranked across
 * the stores (1: best), and the stores in order of their mean rank. A store without the data for a measure (no
 * cohort, no two runs, no closed leads) has no value and no rank for it.
 */
public final class StoreLeague {
    private StoreLeague() {
    }

    /** One store's line. */
    public record StoreLine(int rank, String store, String storeName, BigDecimal churn, Integer churnRank,
                            BigDecimal retainedRate, Integer retainedRank, BigDecimal recaptureRate,
                            Integer recaptureRank, BigDecimal defeatRate, Integer defeatRank) {
    }

    /** The measures of one store before ranking. */
    private record Measures(Stores.Store store, BigDecimal churn, BigDecimal retained, BigDecimal recapture,
                            BigDecimal defeat) {
    }

    /** The league of the stores {@code reports} may see, for {@code month}. */
    static List<StoreLine> of(Reports reports, Stores stores, StoreScope scope, YearMonth month) {
        Reports.notInFuture("month", month, reports.clock());
        List<Measures> measures = new ArrayList<>();
        for (Stores.Store store : stores.all()) {
            if (!scope.allows(store.code())) {
                continue;
            }
            Reports one = reports.in(StoreScope.of(List.of(store.code())));
            BigDecimal churn = one.monthlyChurn(month).churn();
            List<BaseReports.RetainedMonth> retained = one.base().retained(month);
            BigDecimal retainedRate = retained.isEmpty() ? null : retained.get(retained.size() - 1).retainedRate();
            measures.add(new Measures(store, churn, retainedRate, recapture(one), defeat(one, month)));
        }
        List<Integer> churnRanks = ranks(measures, Measures::churn, true);
        List<Integer> retainedRanks = ranks(measures, Measures::retained, false);
        List<Integer> recaptureRanks = ranks(measures, Measures::recapture, false);
        List<Integer> defeatRanks = ranks(measures, Measures::defeat, true);
        List<double[]> order = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            double sum = 0;
            int count = 0;
            for (Integer rank : new Integer[]{churnRanks.get(i), retainedRanks.get(i), recaptureRanks.get(i),
                    defeatRanks.get(i)}) {
                if (rank != null) {
                    sum += rank;
                    count++;
                }
            }
            order.add(new double[]{i, count == 0 ? Double.MAX_VALUE : sum / count});
        }
        order.sort(Comparator.comparingDouble((double[] o) -> o[1]).thenComparingDouble(o -> o[0]));
        List<StoreLine> lines = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int i = (int) order.get(position)[0];
            Measures m = measures.get(i);
            lines.add(new StoreLine(position + 1, m.store().code(), m.store().name(), m.churn(), churnRanks.get(i),
                    m.retained(), retainedRanks.get(i), m.recapture(), recaptureRanks.get(i), m.defeat(),
                    defeatRanks.get(i)));
        }
        return lines;
    }

    /**
     * One line of the group view: customers of {@code store} who are customers of {@code otherStore} too (the same
     * phone or a vehicle of the same VIN: a person of two stores is two customers, a car two stores service a
     * vehicle of each), their share of the store's customers, and how many of them
     * visited the other store last — where they went.
     */
    public record SharedLine(String store, String storeName, String otherStore, String otherStoreName, int customers,
                             int shared, BigDecimal sharedShare, int wentToOther, BigDecimal wentToOtherShare) {
    }

    /** The group view of shared customers: for keys of the whole group only (it is about two stores at once). */
    static List<SharedLine> shared(Reports reports, Stores stores, StoreScope scope) {
        if (!scope.isAll()) {
            throw new StoreScope.OutOfScope("store: the customers two stores share are for keys of the whole group");
        }
        return reports.jdbi().withExtension(jipan.db.BaseReportDao.class, jipan.db.BaseReportDao::sharedCustomers)
                .stream().map(row -> new SharedLine(row.store(), name(stores, row.store()), row.otherStore(),
                        name(stores, row.otherStore()), row.customers(), row.shared(),
                        row.customers() == 0 ? null : Reports.ratio(row.shared(), row.customers()), row.wentToOther(),
                        row.shared() == 0 ? null : Reports.ratio(row.wentToOther(), row.shared())))
                .toList();
    }

    private static String name(Stores stores, String code) {
        return stores.find(code).map(Stores.Store::name).orElse(code);
    }

    /** The share of the store's latest worked call list whose customers came back (null without two runs). */
    private static BigDecimal recapture(Reports one) {
        List<Reports.RecaptureLine> lines;
        try {
            lines = one.recapture(null, null);
        } catch (ReportParameterException noRuns) {
            return null;
        }
        int customers = lines.stream().mapToInt(Reports.RecaptureLine::customers).sum();
        int visited = lines.stream().mapToInt(Reports.RecaptureLine::visited).sum();
        return customers == 0 ? null : Reports.ratio(visited, customers);
    }

    /** Defeated / (won + defeated) of the leads the store closed in the month (null: none closed). */
    private static BigDecimal defeat(Reports one, YearMonth month) {
        List<Reports.MonthDefeatRate> rates = one.defeatRateByMonth(month.atDay(1), month.atEndOfMonth());
        int won = rates.stream().mapToInt(Reports.MonthDefeatRate::won).sum();
        int defeated = rates.stream().mapToInt(Reports.MonthDefeatRate::defeated).sum();
        return won + defeated == 0 ? null : Reports.ratio(defeated, won + defeated);
    }

    /** Competition ranks (1, 2, 2, 4) of one measure; lower is better when {@code lowFirst}; none for no value. */
    private static List<Integer> ranks(List<Measures> measures, Function<Measures, BigDecimal> value,
                                       boolean lowFirst) {
        List<Integer> ranks = new ArrayList<>();
        for (Measures m : measures) {
            BigDecimal mine = value.apply(m);
            if (mine == null) {
                ranks.add(null);
                continue;
            }
            int better = 0;
            for (Measures other : measures) {
                BigDecimal theirs = value.apply(other);
                if (theirs != null && (lowFirst ? theirs.compareTo(mine) < 0 : theirs.compareTo(mine) > 0)) {
                    better++;
                }
            }
            ranks.add(better + 1);
        }
        return ranks;
    }
}
