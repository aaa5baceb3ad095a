package jipan.demo;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import jipan.JipanConfiguration;
import jipan.api.BacktestReport;
import jipan.api.BacktestRequest;
import jipan.api.ImpactRequest;
import jipan.cli.Progress;
import jipan.cli.StoreCommand;
import jipan.concurrent.NamedThreads;
import jipan.core.CustomerUpsert;
import jipan.core.scenarios.DemoDealership;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.StoreCompaction;
import jipan.evidence.Backtests;
import jipan.runs.ClassificationRuns;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Writes a made-up dealership into the customer store, or as DMS-style CSV files; the same for the same seed.
 *
 * <pre>
 * java -jar service/target/jipan.jar demo-data config/jipan.yml                       # 20,000 customers into the store
 * java -jar service/target/jipan.jar demo-data --customers 133000 --csv bench-data config/jipan.yml
 * </pre>
 *
 * Options: {@code --customers N} (default 20000, about 7.5 repair orders each), {@code --seed S},
 * {@code --until YYYY-MM-DD} (the last day of the four years of history, default 2012-09-30),
 * {@code --csv DIR} (write one file per import kind instead: customers.csv, vehicles.csv, repair-orders.csv,
 * leads.csv, complaints.csv, surveys.csv, events.csv, referrals.csv),
 * {@code --force} (write into a store that already holds customers), {@code --no-runs} (skip the two
 * classification runs, a year apart and ending at {@code --until}, and the backtest of the live rules, made after
 * writing into the store).
 */
public class DemoDataCommand extends StoreCommand {
    private static final int BATCH = 500;

    public DemoDataCommand() {
        super("demo-data", "Writes a made-up dealership (customers, cars, repair orders, leads) for demos and benchmarks");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--customers").dest("customers").type(Integer.class).setDefault(20_000);
        subparser.addArgument("--seed").dest("seed").type(Long.class).setDefault(2012L);
        subparser.addArgument("--until").dest("until").setDefault("2012-09-30").metavar("YYYY-MM-DD");
        subparser.addArgument("--csv").dest("csv").metavar("DIR").help("write CSV exports to DIR instead of the store");
        subparser.addArgument("--no-runs").dest("noRuns").action(Arguments.storeTrue())
                .help("do not classify the written base (by default: two classification runs, a year apart, ending "
                        + "at --until, so reports and dashboards have runs to show, and a backtest of the live rules)");
        subparser.addArgument("--stores").dest("stores").type(Integer.class).setDefault(0).metavar("N")
                .help("a dealer group: N stores S01..SNN of --customers each (with --csv: DIR/S01/… , each store's "
                        + "exports as its nightly inbox holds them); 2 %% of each store's people are customers of the "
                        + "store before it too");
        subparser.addArgument("--force").dest("force").action(Arguments.storeTrue())
                .help("write even when the store already holds customers");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws IOException {
        int count = namespace.getInt("customers");
        int storeCount = namespace.getInt("stores");
        if (storeCount > 0) {
            group(namespace, configuration, count, storeCount);
            return;
        }
        // the staff worked the first run's call list, holding out what the configuration holds out
        DemoDealership dealership = new DemoDealership(namespace.getLong("seed"), date(namespace, "until"),
                configuration.getCallLists().holdout());
        long start = System.nanoTime();
        Progress progress = new Progress(count);
        long visits = 0;
        if (namespace.getString("csv") != null) {
            Path directory = Path.of(namespace.getString("csv"));
            try (DemoFiles files = new DemoFiles(directory)) {
                for (int i = 1; i <= count; i++) {
                    var customer = dealership.customer(i);
                    visits += customer.visits().size();
                    files.write(customer);
                    if (i % BATCH == 0 || i == count) {
                        progress.update(i);
                    }
                }
            }
            progress.finish();
            System.out.printf("wrote %,d customers and %,d repair orders to %s in %.1f s%n", count, visits,
                    directory.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
            return;
        }
        try (Database database = openStore(configuration, true)) {
            CustomerStore store = new CustomerStore(database.jdbi());
            int stored = store.count();
            if (stored > 0 && !namespace.getBoolean("force")) {
                System.out.printf("the customer store already holds %,d customers: demo data not written "
                        + "(--force writes it anyway)%n", stored);
                return;
            }
            List<CustomerUpsert> batch = new ArrayList<>(BATCH);
            for (int i = 1; i <= count; i++) {
                var customer = dealership.customer(i);
                visits += customer.visits().size();
                batch.add(CustomerUpsert.complete(customer));
                if (batch.size() == BATCH || i == count) {
                    store.upsert(batch);
                    batch.clear();
                    progress.update(i);
                }
            }
            progress.finish();
            System.out.printf("wrote %,d customers and %,d repair orders to %s in %.1f s%n", count, visits,
                    configuration.getDatabase().getUrl(), (System.nanoTime() - start) / 1e9);
            if (!namespace.getBoolean("noRuns")) {
                classify(bootstrap, configuration, database, store, date(namespace, "until"));
                backtest(bootstrap, configuration, database, store);
            }
        }
        compact(configuration);
    }

    /**
     * A demo group: {@code stores} stores S01… of {@code count} customers each, as CSV exports in one directory per
     * store (the nightly pipeline's inboxes), or into the store with each customer's store set.
     */
    private static void group(Namespace namespace, JipanConfiguration configuration, int count, int stores)
            throws IOException {
        if (stores > 99) {
            throw new IllegalArgumentException("--stores: at most 99 (got " + stores + ")");
        }
        long start = System.nanoTime();
        long visits = 0;
        Progress progress = new Progress(count * stores);
        String csv = namespace.getString("csv");
        try (Database database = csv == null ? openStore(configuration, true) : null) {
            CustomerStore store = database == null ? null : new CustomerStore(database.jdbi());
            if (store != null && store.count() > 0 && !namespace.getBoolean("force")) {
                System.out.printf("the customer store already holds %,d customers: demo data not written "
                        + "(--force writes it anyway)%n", store.count());
                return;
            }
            for (int number = 1; number <= stores; number++) {
                String code = String.format("S%02d", number);
                DemoDealership dealership = new DemoDealership(namespace.getLong("seed"), date(namespace, "until"),
                        configuration.getCallLists().holdout(), code, number);
                List<CustomerUpsert> batch = new ArrayList<>(BATCH);
                try (DemoFiles files = csv == null ? null : new DemoFiles(Path.of(csv).resolve(code))) {
                    for (int i = 1; i <= count; i++) {
                        var customer = dealership.customer(i);
                        visits += customer.visits().size();
                        if (files != null) {
                            files.write(customer);
                        } else {
                            batch.add(CustomerUpsert.complete(customer));
                            if (batch.size() == BATCH || i == count) {
                                store.upsert(batch, code);
                                batch.clear();
                            }
                        }
                        if (i % BATCH == 0 || i == count) {
                            progress.update((number - 1) * count + i);
                        }
                    }
                }
            }
        }
        progress.finish();
        System.out.printf("wrote %d stores of %,d customers (%,d repair orders) to %s in %.1f s%n", stores, count,
                visits, csv == null ? configuration.getDatabase().getUrl() : Path.of(csv).toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writing the demo store leaves H2's file many times its content (old space is kept for a while): an embedded
     * store nobody else has open is compacted, else the way to do it later is said.
     */
    private static void compact(JipanConfiguration configuration) {
        if (!StoreCompaction.applies(configuration.getDatabase())) {
            return;
        }
        try {
            System.out.println(StoreCompaction.compact(configuration.getDatabase()));
        } catch (IllegalStateException e) {
            System.out.println("not compacted: " + e.getMessage() + " (later: db compact)");
        }
    }

    /**
     * A backtest of the live rules (docs/domain.md §6.1), so the call lists and the customer page show observed
     * return rates from the start.
     */
    private static void backtest(Bootstrap<JipanConfiguration> bootstrap, JipanConfiguration configuration,
                                 Database database, CustomerStore store) {
        ExecutorService classifying = NamedThreads.daemon("backtest")
                .pool(Runtime.getRuntime().availableProcessors());
        Backtests backtests = new Backtests(database.jdbi(), store, bootstrap.getObjectMapper(), classifying);
        long started = System.nanoTime();
        Progress progress = new Progress(Math.min(store.count(), ImpactRequest.DEFAULT_SAMPLE));
        BacktestReport report;
        try {
            report = backtests.run(liveRules(configuration, database, null), null, null,
                    BacktestRequest.DEFAULT_HORIZON_MONTHS, ImpactRequest.DEFAULT_SAMPLE, "demo-data", progress::update);
        } finally {
            NamedThreads.close(classifying, Duration.ZERO);
        }
        progress.finish();
        System.out.printf("backtest %d of the live rules as of %s: %,d customers in %.1f s%n", report.id(),
                report.result().asOf(), report.result().customers(), (System.nanoTime() - started) / 1e9);
    }

    /** Two classification runs of the written base, a year apart, ending at {@code until}. */
    private static void classify(Bootstrap<JipanConfiguration> bootstrap, JipanConfiguration configuration,
                                 Database database, CustomerStore store, LocalDate until) {
        ClassificationRuns runs = runs(bootstrap, configuration, database, store, null,
                Runtime.getRuntime().availableProcessors());
        for (LocalDate asOf : List.of(until.minusYears(1), until)) {
            long id = runs.create(asOf).id();
            long started = System.nanoTime();
            Progress progress = new Progress(store.count());
            ClassificationRunRow run = runs.execute(id, progress::update);
            progress.finish();
            System.out.printf("classification run %d as of %s: %s, %,d customers in %.1f s%n", id, asOf, run.status(),
                    run.customersDone(), (System.nanoTime() - started) / 1e9);
        }
    }
}
