package jipan.console;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import jipan.concurrent.NamedThreads;
import jipan.db.ClassificationRunDao;
import jipan.db.ClassificationRunRow;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportParameter;
import jipan.reports.ReportParameterException;
import jipan.reports.ReportRegistry;
import jipan.reports.Reports;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes once, in the background right after the service starts, the reports the console's dashboards open
 * with — the twelve months up to the latest finished classification run, as {@code dashboards.js} asks for them —
 * so the first person to open the dashboards does not wait for the database's cold first queries (its pages read
 * from disk, the query plans and the JIT not yet warm). Nothing is kept: this only warms the database and the JVM.
 * A failure is logged and changes nothing.
 */
public final class DashboardWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardWarmUp.class);
    /** The dashboards' period: the twelve months up to {@code to}, and {@code to}'s month. */
    private record Period(String from, String to, String month) {
    }

    /** The dashboards' reports and the parameters each takes from the period (see dashboards.js). */
    private static final List<Map.Entry<String, Function<Period, Map<String, String>>>> DASHBOARD = List.of(
            Map.entry("churn-series", p -> Map.of("to", p.month())),
            Map.entry("structure", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("structure-yoy", p -> Map.of("from", p.from(), "to", p.to(), "by", "region")),
            Map.entry("structure-yoy", p -> Map.of("from", p.from(), "to", p.to(), "by", "industry")),
            Map.entry("tier-distribution", p -> Map.of()),
            Map.entry("tier-migration", p -> Map.of()),
            Map.entry("recapture", p -> Map.of()),
            Map.entry("recapture-holdout", p -> Map.of()),
            Map.entry("defeat-categories", p -> Map.of()),
            Map.entry("defeat-competitors", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("defeat-monthly", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("people", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("churn-reasons", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("grade-structure", p -> Map.of("by", "region")),
            Map.entry("lifecycle-structure", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("retained", p -> Map.of("to", p.month())),
            Map.entry("growth-compare", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("churn-origin", p -> Map.of("asOf", p.to())),
            Map.entry("loyalty", p -> Map.of("by", "region")),
            Map.entry("defeat-consultants", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("defeat-segments", p -> Map.of("from", p.from(), "to", p.to())),
            Map.entry("data-quality", p -> Map.of()));

    private final Jdbi jdbi;
    private final Reports reports;
    private ExecutorService thread;

    public DashboardWarmUp(Jdbi jdbi, Reports reports) {
        this.jdbi = jdbi;
        this.reports = reports;
    }

    @Override
    public void start() {
        thread = NamedThreads.daemon("dashboard-warm-up").background().single();
        thread.submit(this::warm);
    }

    @Override
    public void stop() {
        NamedThreads.close(thread, Duration.ZERO); // only a warm-up: interrupted, not awaited
    }

    /** Runs the dashboards' reports once; returns how many ran (-1: stopped by an error). */
    int warm() {
        long started = System.nanoTime();
        try {
            Optional<ClassificationRunRow> latest = jdbi.withExtension(ClassificationRunDao.class,
                    dao -> dao.latestDoneRun().flatMap(dao::findRun));
            if (latest.isEmpty()) {
                return 0;
            }
            LocalDate to = latest.get().asOf();
            LocalDate from = to.minusYears(1).plusDays(1);
            Period period = new Period(from.toString(), to.toString(), YearMonth.from(to).toString());
            int ran = 0;
            for (Map.Entry<String, Function<Period, Map<String, String>>> report : DASHBOARD) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                ReportDefinition definition = ReportRegistry.byName(report.getKey()).orElseThrow();
                Map<String, String> raw = report.getValue().apply(period);
                try {
                    definition.run(reports, definition.arguments(raw::get, ReportParameter::name));
                    ran++;
                } catch (ReportParameterException e) {
                    // e.g. the tier migration with a single run: the dashboard shows that message too
                }
            }
            LOG.info("the dashboards' {} reports for {}..{} warmed in {} ms", ran, from, to,
                    (System.nanoTime() - started) / 1_000_000);
            return ran;
        } catch (RuntimeException e) {
            LOG.info("warming the dashboards' reports stopped: {}", e.toString());
            return -1;
        }
    }
}
