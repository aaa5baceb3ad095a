package jipan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.util.List;
import jipan.JipanConfiguration;
import jipan.db.Database;
import jipan.db.ReportDao;
import jipan.reports.CsvTable;
import jipan.reports.Reports;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Prints a KPI report of the stored data as JSON or CSV.
 *
 * <pre>
 * java -jar service/target/jipan.jar report churn-monthly --month 2011-02 config/jipan.yml
 * java -jar service/target/jipan.jar report churn-series --month 2012-09 config/jipan.yml
 * java -jar service/target/jipan.jar report churn-annual|churn-spend --as-of 2012-09-30 config/jipan.yml
 * java -jar service/target/jipan.jar report growth|structure-yoy --from 2011-10-01 --to 2012-09-30 config/jipan.yml
 * java -jar service/target/jipan.jar report structure --from 2011-10-01 --to 2012-09-30 [--by region] [--format csv] config/jipan.yml
 * java -jar service/target/jipan.jar report defeat-categories [--run ID] config/jipan.yml
 * java -jar service/target/jipan.jar report defeat-competitors|defeat-monthly|conquest --from 2012-01-01 --to 2012-09-30 config/jipan.yml
 * </pre>
 *
 * The time the database took is printed on standard error.
 */
public class ReportCommand extends StoreCommand {

    public ReportCommand() {
        super("report", "Prints a KPI report (churn, structure, defeat analysis) as JSON or CSV");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("report").choices("churn-monthly", "churn-series", "churn-annual", "churn-spend",
                "growth", "structure", "structure-yoy",
                "defeat-categories", "defeat-competitors", "defeat-monthly", "conquest");
        subparser.addArgument("--run").dest("run").type(Long.class).help("classification run (defeat-categories)");
        subparser.addArgument("--month").dest("month").metavar("YYYY-MM");
        subparser.addArgument("--as-of").dest("asOf").metavar("YYYY-MM-DD");
        subparser.addArgument("--from").dest("from").metavar("YYYY-MM-DD");
        subparser.addArgument("--to").dest("to").metavar("YYYY-MM-DD");
        subparser.addArgument("--by").dest("by").setDefault("none").help("structure groups: none, region, industry, kind");
        subparser.addArgument("--format").dest("format").choices("json", "csv").setDefault("json");
        subparser.addArgument("--repeat").dest("repeat").type(Integer.class).setDefault(1)
                .help("compute the report N times and print the median time (a benchmark of warm runs)");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws Exception {
        configuration.getDatabase().setMigrateOnStart(false);
        Database database = Database.open(configuration.getDatabase());
        try {
            Reports reports = new Reports(database.jdbi(), Clock.systemDefaultZone());
            int repeat = Math.max(1, namespace.getInt("repeat"));
            double[] millis = new double[repeat];
            Computed computed = null;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                computed = compute(reports, namespace);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            if (namespace.getString("format").equals("csv")) {
                System.out.print(CsvTable.of(computed.type(), computed.rows()));
            } else {
                ObjectMapper json = bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
                System.out.println(json.writeValueAsString(computed.rows().size() == 1 ? computed.rows().get(0)
                        : computed.rows()));
            }
            java.util.Arrays.sort(millis);
            System.err.printf("%s computed in %.0f ms%s%n", namespace.getString("report"), millis[repeat / 2],
                    repeat == 1 ? "" : String.format(" (median of %d; fastest %.0f ms, slowest %.0f ms)", repeat, millis[0],
                            millis[repeat - 1]));
        } finally {
            database.stop();
        }
    }

    private record Computed(Class<? extends Record> type, List<? extends Record> rows) {
    }

    private static Computed compute(Reports reports, Namespace namespace) {
        List<? extends Record> rows;
        Class<? extends Record> type;
        switch (namespace.getString("report")) {
            case "churn-monthly" -> {
                rows = List.of(reports.monthlyChurn(Reports.month("--month", namespace.getString("month"))));
                type = Reports.MonthlyChurn.class;
            }
            case "churn-series" -> {
                rows = reports.monthlyChurnSeries(Reports.month("--month", namespace.getString("month")));
                type = Reports.MonthlyChurn.class;
            }
            case "churn-annual" -> {
                rows = List.of(reports.annualChurn(Reports.date("--as-of", namespace.getString("asOf"))));
                type = Reports.AnnualChurn.class;
            }
            case "churn-spend" -> {
                rows = List.of(reports.spendChurn(Reports.date("--as-of", namespace.getString("asOf"))));
                type = Reports.SpendChurn.class;
            }
            case "growth" -> {
                rows = List.of(reports.growth(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to"))));
                type = Reports.Growth.class;
            }
            case "structure-yoy" -> {
                rows = reports.structureYearOverYear(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to")), namespace.getString("by"));
                type = Reports.YearOverYearLine.class;
            }
            case "defeat-categories" -> {
                rows = reports.leadsByCategory(namespace.getLong("run"));
                type = Reports.CategoryLine.class;
            }
            case "defeat-competitors" -> {
                rows = reports.defeatsByCompetitor(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to")));
                type = ReportDao.CompetitorCount.class;
            }
            case "defeat-monthly" -> {
                rows = reports.defeatRateByMonth(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to")));
                type = Reports.MonthDefeatRate.class;
            }
            case "conquest" -> {
                rows = List.of(reports.conquest(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to"))));
                type = Reports.Conquest.class;
            }
            default -> {
                rows = reports.structure(Reports.date("--from", namespace.getString("from")),
                        Reports.date("--to", namespace.getString("to")), namespace.getString("by"));
                type = Reports.StructureLine.class;
            }
        }
        return new Computed(type, rows);
    }
}
