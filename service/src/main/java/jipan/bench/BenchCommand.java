package jipan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import java.io.BufferedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import jipan.api.ClassifyRequestBody;
import jipan.cli.StoreCommand;
import jipan.concurrent.NamedThreads;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.CustomerFacts;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.documents.JsonSettings;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Measures classification throughput in customers per second: two plain-Java floors (the tier rule alone, and
 * the whole classification with its reasons), the rules alone,
 * and, with {@code --url}, the rules through HTTP against a running service; with {@code --rate}, the latency
 * of single-customer requests sent at a steady rate.
 *
 * <pre>
 * java -jar service/target/jipan.jar bench [--rules DIR] [--customers N] [--data minimal|realistic]
 *                                          [--warmup W] [--rounds R] [--threads T]
 *                                          [--url http://localhost:8080] [--api-key KEY] [--batch B] [--clients C]
 *                                          [--rate RPS] [--seconds S] [--requests-out FILE]
 * </pre>
 *
 * Customers: {@code minimal} (vehicles and visits only) or {@code realistic} (the demo dealership's: leads,
 * complaints, events, referrals and surveys too). Each round classifies all N customers; the report gives the
 * median, lowest and highest rate of the measured rounds and each mode's ratio to the floor. {@code --rate}
 * sends one customer per request at that many requests a second for {@code --seconds}, open loop (each
 * request timed from when it was due, so a slow answer is not hidden by the requests that waited for it), and
 * reports the latency percentiles.
 */
public class BenchCommand extends Command {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static final long SEED = 20121001L;

    public BenchCommand() {
        super("bench", "Measures classification throughput (customers/second): plain Java floor, rules, HTTP");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--rules").dest("rules").setDefault("rules").metavar("DIR");
        subparser.addArgument("--customers").dest("customers").type(Integer.class).setDefault(100_000);
        subparser.addArgument("--data").dest("data").choices("minimal", "realistic").setDefault("minimal")
                .help("minimal: vehicles and visits; realistic: the demo dealership's customers, leads, complaints, "
                        + "events, referrals and surveys too (default minimal)");
        subparser.addArgument("--warmup").dest("warmup").type(Integer.class).setDefault(2);
        subparser.addArgument("--rounds").dest("rounds").type(Integer.class).setDefault(5);
        subparser.addArgument("--threads").dest("threads").type(Integer.class).setDefault(1)
                .help("threads classifying in process, each a share of the customers (default 1)");
        subparser.addArgument("--url").dest("url").metavar("URL")
                .help("base URL of a running jipan service, to measure through HTTP as well");
        subparser.addArgument("--api-key").dest("apiKey").metavar("KEY").setDefault("demo-integration")
                .help("the API key for --url (default: the demo integration key of config/jipan.yml)");
        subparser.addArgument("--batch").dest("batch").type(Integer.class).setDefault(1_000)
                .help("customers per HTTP request (default 1000)");
        subparser.addArgument("--clients").dest("clients").type(Integer.class).setDefault(2)
                .help("concurrent HTTP clients (default 2)");
        subparser.addArgument("--rate").dest("rate").type(Integer.class)
                .help("with --url: single-customer requests per second, sent at a steady rate, for the latency");
        subparser.addArgument("--requests-out").dest("requestsOut").metavar("FILE")
                .help("write the customers as single-customer classify requests, one JSON body a line, for a load "
                        + "generator such as wrk (docs/bench/wrk-classify.lua), and stop");
        subparser.addArgument("--seconds").dest("seconds").type(Integer.class).setDefault(30)
                .help("how long --rate sends (default 30, after 5 s of warm-up at the same rate)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int customers = namespace.getInt("customers");
        boolean realistic = namespace.getString("data").equals("realistic");
        ObjectNode request = realistic ? SyntheticCustomers.realisticRequest(AS_OF, customers, SEED)
                : SyntheticCustomers.request(AS_OF, customers, SEED);
        if (namespace.getString("requestsOut") != null) {
            Path out = Path.of(namespace.getString("requestsOut"));
            List<byte[]> bodies = singleCustomerBodies(request);
            StoreCommand.writeWhole(out, stream -> {
                var file = new BufferedOutputStream(stream);
                for (byte[] body : bodies) {
                    file.write(body);
                    file.write('\n');
                }
                file.flush();
            });
            System.out.printf("wrote %d single-customer classify requests to %s%n", bodies.size(), out);
            return;
        }
        int warmup = namespace.getInt("warmup");
        int rounds = namespace.getInt("rounds");
        RuleFiles files = RuleFiles.readDirectory(Path.of(namespace.getString("rules")));
        // compiling includes verifying every generated class (RuleVerifier): the first time in a fresh JVM and
        // the median of five more, as a reload or publish in a running service sees it
        long coldStart = System.nanoTime();
        CompiledRules rules = new RuleCompiler().compile(files);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        double[] warmMillis = new double[5];
        for (int i = 0; i < warmMillis.length; i++) {
            long start = System.nanoTime();
            new RuleCompiler().compile(files);
            warmMillis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(warmMillis);
        System.out.printf("compile and verify %d rules: first %.0f ms, then median %.0f ms (lowest %.0f, highest %.0f)%n",
                rules.ruleNames().size(), coldMillis, warmMillis[2], warmMillis[0], warmMillis[4]);
        List<CustomerFacts> facts = new CustomerFactsReader().readClassifyRequest(request).customers();
        Classifier classifier = new Classifier(rules, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        System.out.printf("bench: %d %s customers (%d visits, %d leads, %d complaints, %d events, %d referrals, "
                        + "%d surveys), as of %s, rule set %s; %d warm-up + %d rounds%n",
                customers, realistic ? "realistic (demo dealership)" : "minimal synthetic",
                facts.stream().mapToInt(c -> c.visits().size()).sum(), facts.stream().mapToInt(c -> c.leads().size()).sum(),
                facts.stream().mapToInt(c -> c.complaints().size()).sum(), facts.stream().mapToInt(c -> c.events().size()).sum(),
                facts.stream().mapToInt(c -> c.referrals().size()).sum(), facts.stream().mapToInt(c -> c.surveys().size()).sum(),
                AS_OF, rules.version(), warmup, rounds);

        double tierFloor = measure("plain Java tier floor (tier only)", customers, warmup, rounds,
                () -> PlainJavaTierFloor.tierAll(AS_OF, facts), new Floors(0, 0));
        Floors floors = new Floors(tierFloor, measure("plain Java full floor (every decision and reason)", customers,
                warmup, rounds, () -> PlainJavaClassifier.classifyAll(AS_OF, facts), new Floors(tierFloor, 0)));
        int threads = namespace.getInt("threads");
        measure("rules (in process, " + threads + " thread" + (threads == 1 ? "" : "s") + ")", customers, warmup,
                rounds, () -> classifyInParallel(classifier, facts, threads), floors);
        if (namespace.getString("url") != null) {
            HttpBench http = new HttpBench(namespace.getString("url"), namespace.getString("apiKey"), request,
                    namespace.getInt("batch"),
                    namespace.getInt("clients"));
            measure("rules through HTTP (" + namespace.getInt("batch") + " per request, "
                    + namespace.getInt("clients") + " clients)", customers, warmup, rounds, http::run, floors);
            if (namespace.getInt("rate") != null) {
                new LatencyBench(namespace.getString("url"), namespace.getString("apiKey"), request)
                        .run(namespace.getInt("rate"), namespace.getInt("seconds"));
            }
        }
    }

    /** One classify request body per customer of {@code request}, as JSON. */
    private static List<byte[]> singleCustomerBodies(ObjectNode request) throws Exception {
        ObjectMapper json = JsonSettings.apply(Jackson.newObjectMapper());
        List<byte[]> bodies = new ArrayList<>();
        for (ObjectNode body : ClassifyRequestBody.perCustomer(request)) {
            bodies.add(json.writeValueAsBytes(body));
        }
        return bodies;
    }

    /**
     * Single-customer requests at a steady rate, open loop: request k is due at start + k / rate and its
     * latency is measured from then, whether or not the one before has been answered.
     */
    private static final class LatencyBench {
        private final HttpClient client;
        private final URI uri;
        private final String apiKey;
        private final List<byte[]> bodies;

        LatencyBench(String baseUrl, String apiKey, ObjectNode request) throws Exception {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(NamedThreads.daemon("bench-http").pool(8)).build();
            this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/classify");
            this.apiKey = apiKey;
            this.bodies = singleCustomerBodies(request);
        }

        void run(int rate, int seconds) throws Exception {
            send(rate, 5);   // warm-up: connections, the service's JIT
            long[] latencies = send(rate, seconds);
            Arrays.sort(latencies);
            System.out.printf("%-50s %d requests at %d/s for %d s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                            + "max %.2f ms%n", "single-customer requests (open loop)", latencies.length, rate, seconds,
                    percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                    percentile(latencies, 99.9), latencies[latencies.length - 1] / 1e6);
        }

        private long[] send(int rate, int seconds) throws Exception {
            int count = rate * seconds;
            long[] latencies = new long[count];
            List<CompletableFuture<Void>> answers = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int k = 0; k < count; k++) {
                long due = start + (long) (k * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = k;
                HttpRequest post = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k % bodies.size())))
                        .build();
                answers.add(client.sendAsync(post, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("POST " + uri + " answered " + response.statusCode());
                    }
                    latencies[index] = System.nanoTime() - due;
                }));
            }
            for (var answer : answers) {
                answer.get();
            }
            return latencies;
        }

        private static double percentile(long[] sorted, double percent) {
            int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /**
     * The two plain-Java floors of one run: the tier rule alone, and the whole classification with its reasons
     * ({@link PlainJavaClassifier}, the same answers as the shipped rules); 0 while not yet measured.
     */
    private record Floors(double tier, double full) {
        /** A rate's ratio to each floor measured so far. */
        String ratios(double rate) {
            return tier == 0 ? ""
                    : full == 0 ? String.format("  = 1/%.0f of the tier floor", tier / rate)
                    : String.format("  = 1/%.1f of the full floor, 1/%.0f of the tier floor", full / rate, tier / rate);
        }
    }

    private static double measure(String mode, int customers, int warmup, int rounds, Work work, Floors floors)
            throws Exception {
        double[] rates = new double[rounds];
        for (int round = -warmup; round < rounds; round++) {
            long start = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round >= 0) {
                rates[round] = customers / seconds;
            }
        }
        Arrays.sort(rates);
        double median = rates.length % 2 == 1 ? rates[rates.length / 2]
                : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2;
        System.out.printf("%-52s median %,12.0f customers/s  (min %,.0f, max %,.0f)%s%n", mode, median, rates[0],
                rates[rates.length - 1], floors.ratios(median));
        return median;
    }

    /** Classifies the customers in {@code threads} equal shares at once; returns how many were classified. */
    private static int classifyInParallel(Classifier classifier, List<CustomerFacts> facts, int threads)
            throws Exception {
        ExecutorService pool = NamedThreads.daemon("bench-classify").pool(threads);
        try {
            List<Future<Integer>> shares = new ArrayList<>();
            int size = (facts.size() + threads - 1) / threads;
            for (int from = 0; from < facts.size(); from += size) {
                List<CustomerFacts> share = facts.subList(from, Math.min(facts.size(), from + size));
                shares.add(pool.submit(() -> classifier.classify(AS_OF, share).size()));
            }
            int total = 0;
            for (Future<Integer> share : shares) {
                total += share.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    private interface Work {
        int run() throws Exception;
    }

    /** Posts the customers in batches to {@code /api/v1/classify} and checks every answer is 200. */
    private static final class HttpBench {
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI uri;
        private final List<byte[]> bodies = new ArrayList<>();
        private final int clients;
        private final String apiKey;

        HttpBench(String baseUrl, String apiKey, ObjectNode request, int batch, int clients) throws Exception {
            this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/classify");
            this.apiKey = apiKey;
            this.clients = clients;
            ObjectMapper json = JsonSettings.apply(Jackson.newObjectMapper());
            ArrayNode all = (ArrayNode) request.get("customers");
            for (int from = 0; from < all.size(); from += batch) {
                ObjectNode body = json.createObjectNode().put("asOf", request.get("asOf").asText());
                ArrayNode part = body.putArray("customers");
                for (int i = from; i < Math.min(all.size(), from + batch); i++) {
                    part.add(all.get(i));
                }
                bodies.add(json.writeValueAsBytes(body));
            }
        }

        int run() throws Exception {
            ExecutorService pool = NamedThreads.daemon("bench-client").pool(clients);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (byte[] body : bodies) {
                    answers.add(pool.submit(() -> post(body)));
                }
                int total = 0;
                for (Future<Integer> answer : answers) {
                    total += answer.get();
                }
                return total;
            } finally {
                pool.shutdown();
            }
        }

        private int post(byte[] body) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return response.body().length();
        }
    }
}
