package jipan.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import jipan.db.Columns;
import jipan.api.BacktestReport;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.evidence.Backtest;
import jipan.core.evidence.BacktestResult;
import jipan.db.CustomerStore;
import jipan.db.EvidenceDao;
import jipan.reports.ReportParameterException;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs backtests on the stored customers and keeps them: the live rules (and a candidate) classified as of a past
 * date with the facts known then, scored against what the store says the customers did afterwards
 * ({@link Backtest}). A backtest's horizon must have passed: it ends on or before the latest repair order stored.
 */
public final class Backtests {
    private static final int PAGE = 500;

    private final Jdbi jdbi;
    private final CustomerStore store;
    private final ObjectMapper json;
    private final Executor classifying;

    /** Backtests classifying on the caller's thread. */
    public Backtests(Jdbi jdbi, CustomerStore store, ObjectMapper json) {
        this(jdbi, store, json, Runnable::run);
    }

    /** Backtests whose classifications run on {@code classifying} (a pool as large as the cores, say). */
    public Backtests(Jdbi jdbi, CustomerStore store, ObjectMapper json, Executor classifying) {
        this.jdbi = jdbi;
        this.store = store;
        this.json = json;
        this.classifying = classifying;
    }

    /** The date of the latest stored repair order: how far the store's data reaches. */
    public Optional<LocalDate> latestData() {
        return jdbi.withExtension(EvidenceDao.class, EvidenceDao::latestVisit);
    }

    /**
     * The date a backtest of {@code horizonMonths} is as of: {@code asOf} when its horizon has passed, by default the
     * latest data less the horizon; refused naming the latest data when the horizon would reach past it.
     */
    public LocalDate asOf(LocalDate asOf, int horizonMonths) {
        LocalDate latest = jdbi.withExtension(EvidenceDao.class, EvidenceDao::latestVisit).orElseThrow(() ->
                new ReportParameterException("the store holds no repair orders: there is nothing customers did to "
                        + "test the rules against"));
        LocalDate latestAsOf = latest.minusMonths(horizonMonths);
        if (asOf == null) {
            return latestAsOf;
        }
        if (asOf.plusMonths(horizonMonths).isAfter(latest)) {
            throw new ReportParameterException("asOf: " + asOf + " with a horizon of " + horizonMonths
                    + " months ends " + asOf.plusMonths(horizonMonths) + ", after the latest data (the latest "
                    + "repair order is of " + latest + "): asOf must be " + latestAsOf + " or earlier");
        }
        return asOf;
    }

    /**
     * Backtests {@code live} (and {@code candidate}, when not null) on the first {@code sample} stored customers as
     * of {@code asOf} (checked with {@link #asOf}), telling {@code progress} the customers done; stored, by
     * {@code author}.
     */
    public BacktestReport run(Classifier live, Classifier candidate, LocalDate asOf, int horizonMonths, int sample,
                              String author, IntConsumer progress) {
        return run(live, candidate, asOf, horizonMonths, sample, author, null, progress);
    }

    /** The same, of one store's customers ({@code store}: its code; null: every store's). */
    public BacktestReport run(Classifier live, Classifier candidate, LocalDate asOf, int horizonMonths, int sample,
                              String author, String storeCode, IntConsumer progress) {
        CustomerStore store = storeCode == null ? this.store
                : this.store.in(jipan.stores.StoreScope.of(List.of(storeCode)));
        LocalDate date = asOf(asOf, horizonMonths);
        Backtest backtest = new Backtest(date, horizonMonths, live, candidate, classifying);
        int done = 0;
        String after = "";
        List<CustomerFacts> page;
        while (done < sample && !(page = store.page(after, Math.min(PAGE, sample - done))).isEmpty()) {
            backtest.add(page);
            done += page.size();
            after = page.get(page.size() - 1).customer().getId();
            progress.accept(done);
        }
        BacktestResult result = backtest.result();
        String candidateVersion = candidate == null ? null : candidate.rulesetVersion();
        String who = Columns.clip(author, 100);
        long id = jdbi.inTransaction(handle -> {
            EvidenceDao dao = handle.attach(EvidenceDao.class);
            long stored = dao.insertBacktest(who, date, horizonMonths, live.rulesetVersion(), candidateVersion,
                    result.customers(), write(result), storeCode);
            List<EvidenceDao.CellRow> cells = result.live().byTierAndChurn().stream()
                    .map(cell -> new EvidenceDao.CellRow(stored, cell.tier(), cell.churn(), cell.customers(),
                            cell.cameBack(), cell.cameBackShare()))
                    .toList();
            if (!cells.isEmpty()) {
                dao.insertCells(cells);
            }
            return stored;
        });
        return find(id).orElseThrow();
    }

    public Optional<BacktestReport> find(long id) {
        return jdbi.withExtension(EvidenceDao.class, dao -> dao.backtest(id)).map(this::report);
    }

    /** The latest backtests, newest first, without their results. */
    public List<BacktestReport> list(int limit) {
        return jdbi.withExtension(EvidenceDao.class, dao -> dao.backtests(limit)).stream()
                .map(row -> new BacktestReport(row.id(), row.createdAt(), row.createdBy(), row.liveVersion(),
                        row.candidateVersion(), null, row.store()))
                .toList();
    }

    private BacktestReport report(EvidenceDao.BacktestRow row) {
        try {
            return new BacktestReport(row.id(), row.createdAt(), row.createdBy(), row.liveVersion(),
                    row.candidateVersion(), json.readValue(row.resultJson(), BacktestResult.class), row.store());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("backtest " + row.id() + " cannot be read back", e);
        }
    }

    private String write(BacktestResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
