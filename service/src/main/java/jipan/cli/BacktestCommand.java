package jipan.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import jipan.JipanConfiguration;
import jipan.api.BacktestReport;
import jipan.concurrent.NamedThreads;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.evidence.BacktestResult;
import jipan.core.evidence.BacktestScore;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.evidence.Backtests;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Backtests the rules on the stored customers and keeps the result, as {@code POST /api/v1/rules/backtests} does.
 *
 * <pre>
 * java -jar service/target/jipan.jar backtest [--candidate RULES_DIR] [--as-of YYYY-MM-DD] [--horizon-months 6]
 *     [--sample 20000] [--json] config/jipan.yml
 * </pre>
 *
 * Prints, for the live rules and the candidate side by side, the share who came back per churn state and tier,
 * the "will not come back" prediction's precision, recall and lift, and per task kind the share who came back.
 */
public class BacktestCommand extends StoreCommand {

    public BacktestCommand() {
        super("backtest", "Judges the rules (and a candidate) by what the stored customers did after a past date");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--candidate").dest("candidate").metavar("RULES_DIR");
        subparser.addArgument("--as-of").dest("asOf").metavar("YYYY-MM-DD")
                .help("the date the rules answer as of (default: the latest repair order less the horizon)");
        subparser.addArgument("--horizon-months").dest("horizon").type(Integer.class).setDefault(6)
                .choices(Arguments.range(1, 24));
        subparser.addArgument("--sample").dest("sample").type(Integer.class).setDefault(20_000);
        subparser.addArgument("--rules").dest("rules").metavar("RULES_DIR")
                .help("test these rule files as the live ones instead of the store's active version");
        subparser.addArgument("--json").dest("json").action(Arguments.storeTrue()).help("print the whole result as JSON");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws Exception {
        try (Database database = openStore(configuration, true)) {
            Classifier live = liveRules(configuration, database, namespace.getString("rules"));
            Classifier candidate = namespace.getString("candidate") == null ? null : live.withRules(
                    new RuleCompiler().compile(RuleFiles.readDirectory(Path.of(namespace.getString("candidate")))));
            CustomerStore store = new CustomerStore(database.jdbi());
            ExecutorService classifying = NamedThreads.daemon("backtest")
                    .pool(Runtime.getRuntime().availableProcessors());
            Backtests backtests = new Backtests(database.jdbi(), store, bootstrap.getObjectMapper(), classifying);
            LocalDate asOf = namespace.getString("asOf") == null ? null : date(namespace, "asOf");
            int horizon = namespace.getInt("horizon");
            backtests.asOf(asOf, horizon); // refused before any work when the horizon has not passed
            Progress progress = new Progress(Math.min(namespace.getInt("sample"), store.count()));
            long started = System.nanoTime();
            BacktestReport report;
            try {
                report = backtests.run(live, candidate, asOf, horizon, namespace.getInt("sample"),
                        System.getProperty("user.name", "cli"), progress::update);
            } finally {
                NamedThreads.close(classifying, Duration.ZERO);
            }
            progress.finish();
            System.err.printf("backtest %d: %,d customers in %.1f s%n", report.id(), report.result().customers(),
                    (System.nanoTime() - started) / 1e9);
            if (namespace.getBoolean("json")) {
                System.out.println(bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report));
            } else {
                print(report);
            }
        }
    }

    private static void print(BacktestReport report) {
        BacktestResult r = report.result();
        System.out.printf("backtest %d as of %s, horizon %d months (to %s), %,d customers%n", report.id(), r.asOf(),
                r.horizonMonths(), r.horizonEnd(), r.customers());
        System.out.printf("%-34s %-22s %s%n", "", "live " + report.liveVersion(),
                report.candidateVersion() == null ? "" : "candidate " + report.candidateVersion());
        section("came back, by churn state", r, BacktestScore::byChurn, BacktestScore.Cell::churn);
        section("came back, by tier", r, BacktestScore::byTier, BacktestScore.Cell::tier);
        System.out.println("will not come back (AT_RISK + LOST)");
        line("  precision", share(r.live().willNotComeBack().precision()), r.candidate() == null ? null
                : share(r.candidate().willNotComeBack().precision()));
        line("  recall", share(r.live().willNotComeBack().recall()), r.candidate() == null ? null
                : share(r.candidate().willNotComeBack().recall()));
        line("  lift over the base rate " + share(r.live().willNotComeBack().baseRate()),
                String.valueOf(r.live().willNotComeBack().lift()), r.candidate() == null ? null
                        : String.valueOf(r.candidate().willNotComeBack().lift()));
        System.out.println("came back, by task the rules gave");
        for (BacktestScore.TaskCell task : r.live().byFollowUp()) {
            BacktestScore.TaskCell other = r.candidate() == null ? null : r.candidate().byFollowUp().stream()
                    .filter(t -> t.kind().equals(task.kind())).findFirst().orElse(null);
            line("  " + task.kind(), describe(task), r.candidate() == null ? null
                    : other == null ? "—" : describe(other));
        }
        if (r.candidate() != null) {
            System.out.printf("the candidate answers %,d customers differently%n", r.changed());
            r.moves().forEach(m -> System.out.printf("  %s %s → %s: %,d customers, %s came back%n", m.output(),
                    m.from(), m.to(), m.customers(), share(m.cameBackShare())));
        }
    }

    private static void section(String title, BacktestResult r, Function<BacktestScore, List<BacktestScore.Cell>> cells,
                                Function<BacktestScore.Cell, String> key) {
        System.out.println(title);
        for (BacktestScore.Cell cell : cells.apply(r.live())) {
            BacktestScore.Cell other = r.candidate() == null ? null : cells.apply(r.candidate()).stream()
                    .filter(c -> key.apply(c).equals(key.apply(cell))).findFirst().orElse(null);
            line("  " + key.apply(cell), describe(cell), r.candidate() == null ? null
                    : other == null ? "—" : describe(other));
        }
    }

    private static String describe(BacktestScore.Cell cell) {
        return String.format("%,d · %s", cell.customers(), share(cell.cameBackShare()));
    }

    private static String describe(BacktestScore.TaskCell task) {
        return String.format("%,d · %s · %s d", task.customers(), share(task.cameBackShare()),
                task.medianDaysToReturn() == null ? "—" : task.medianDaysToReturn());
    }

    private static void line(String label, String live, String candidate) {
        System.out.printf("%-34s %-22s %s%n", label, live, candidate == null ? "" : candidate);
    }

    private static String share(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
