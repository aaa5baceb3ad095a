package jipan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.setup.Bootstrap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jipan.JipanConfiguration;
import jipan.db.Database;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportParameter;
import jipan.reports.ReportParameterException;
import jipan.reports.ReportRegistry;
import jipan.reports.Reports;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Prints a KPI report of the stored data as JSON or CSV: the same reports, parameters and columns as
 * {@code GET /api/v1/reports/…}, from the same definitions ({@link ReportRegistry}).
 *
 * <pre>
 * java -jar service/target/jipan.jar report churn-monthly --month 2011-02 config/jipan.yml
 * java -jar service/target/jipan.jar report structure --from 2011-10-01 --to 2012-09-30 --by region --format csv --lang zh config/jipan.yml
 * java -jar service/target/jipan.jar report structure --from 2011-10-01 --to 2012-09-30 --format xlsx --lang zh config/jipan.yml
 * </pre>
 *
 * The time the database took is printed on standard error.
 */
public class ReportCommand extends StoreCommand {

    public ReportCommand() {
        super("report", "Prints a KPI report (churn, structure, tier migration, defeat analysis) as JSON or CSV");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("report").choices(ReportRegistry.ALL.stream().map(ReportDefinition::name).toList())
                .help(ReportRegistry.ALL.stream().map(report -> report.name() + " (" + report.parameters().stream()
                        .map(p -> p.flag() + (p.required() ? "" : "?")).collect(Collectors.joining(" ")) + ")")
                        .collect(Collectors.joining(", ")));
        for (ReportParameter parameter : ReportRegistry.allParameters()) {
            // one flag per name; a name some reports read as a date and others as a month shows both forms
            String metavar = ReportRegistry.ALL.stream().flatMap(r -> r.parameters().stream())
                    .filter(p -> p.name().equals(parameter.name())).map(p -> p.kind().metavar()).distinct()
                    .collect(Collectors.joining("|"));
            subparser.addArgument(parameter.flag()).dest(parameter.name()).metavar(metavar).help(parameter.help());
        }
        subparser.addArgument("--format").dest("format").choices("json", "csv", "xlsx").setDefault("json")
                .help("xlsx: an Excel workbook, written to --out or to a file named after the report");
        subparser.addArgument("--out").dest("out").metavar("FILE")
                .help("write the report to FILE instead of standard output");
        subparser.addArgument("--lang").dest("lang").choices("en", "zh").setDefault("en")
                .help("CSV and xlsx headers in English or Chinese");
        subparser.addArgument("--store").dest("store").metavar("CODE")
                .help("one store's customers and runs only (a dealer group)");
        subparser.addArgument("--repeat").dest("repeat").type(Integer.class).setDefault(1)
                .help("compute the report N times and print the median time (a benchmark of warm runs)");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws Exception {
        ReportDefinition report = ReportRegistry.byName(namespace.getString("report")).orElseThrow();
        for (ReportParameter parameter : ReportRegistry.allParameters()) {
            if (namespace.get(parameter.name()) != null
                    && report.parameters().stream().noneMatch(p -> p.name().equals(parameter.name()))) {
                throw new ReportParameterException(parameter.flag() + ": is not a parameter of " + report.name()
                        + " (it takes " + report.parameters().stream().map(ReportParameter::flag)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        ReportParameter.Arguments arguments = report.arguments(namespace::getString, ReportParameter::flag);
        try (Database database = openStore(configuration, false)) {
            jipan.stores.Stores stores = configuration.buildStores();
            // --store: one store's customers (and runs), as ?store= on the API
            Reports reports = new Reports(database, Clock.systemDefaultZone(),
                    configuration.getReports().getRetainedMinVisits()).stores(stores);
            if (namespace.getString("store") != null) {
                reports = reports.in(jipan.stores.StoreScope.of(java.util.List.of(
                        stores.check("--store", namespace.getString("store")).code())));
            }
            int repeat = Math.max(1, namespace.getInt("repeat"));
            double[] millis = new double[repeat];
            List<? extends Record> rows = null;
            Reports chosen = reports;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                rows = report.run(chosen, arguments);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            String format = namespace.getString("format");
            boolean chinese = namespace.getString("lang").equals("zh");
            List<? extends Record> found = rows;
            byte[] body;
            if (format.equals("xlsx")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                report.table(found, chinese).writeXlsx(out);
                body = out.toByteArray();
            } else if (format.equals("csv")) {
                body = report.table(found, chinese).csv().getBytes(StandardCharsets.UTF_8);
            } else {
                ObjectMapper json = bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
                body = (json.writeValueAsString(report.single() ? found.get(0) : found) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
            String out = namespace.getString("out");
            if (out == null && format.equals("xlsx")) {
                out = report.fileName(arguments, "xlsx");
            }
            if (out == null) {
                System.out.write(body);
                System.out.flush();
            } else {
                Path target = Path.of(out).toAbsolutePath();
                writeWhole(target, file -> file.write(body));
                System.err.printf("wrote %s (%,d bytes)%n", target, body.length);
            }
            Arrays.sort(millis);
            System.err.printf("%s computed in %.0f ms%s%n", report.name(), millis[repeat / 2],
                    repeat == 1 ? "" : String.format(" (median of %d; fastest %.0f ms, slowest %.0f ms)", repeat,
                            millis[0], millis[repeat - 1]));
        }
    }
}
