package jipan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jipan.bench.PlainJavaTierFloor;
import jipan.bench.SyntheticCustomers;
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
 * Measures classification throughput in customers per second on synthetic customers: the plain-Java tier
 * floor, the rules alone, and, with {@code --url}, the rules through HTTP against a running service.
 *
 * <pre>
 * java -jar service/target/jipan.jar bench [--rules DIR] [--customers N] [--warmup W] [--rounds R]
 *                                          [--threads T] [--url http://localhost:8080] [--batch B] [--clients C]
 * </pre>
 *
 * Each round classifies all N customers; the report gives the median, lowest and highest rate of the
 * measured rounds and each mode's ratio to the floor.
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
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int customers = namespace.getInt("customers");
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
        java.util.Arrays.sort(warmMillis);
        System.out.printf("compile and verify %d rules: first %.0f ms, then median %.0f ms (lowest %.0f, highest %.0f)%n",
                rules.ruleNames().size(), coldMillis, warmMillis[2], warmMillis[0], warmMillis[4]);
        ObjectNode request = SyntheticCustomers.request(AS_OF, customers, SEED);
        List<CustomerFacts> facts = new CustomerFactsReader().readClassifyRequest(request).customers();
        Classifier classifier = new Classifier(rules, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        System.out.printf("bench: %d synthetic customers (%d visits), as of %s, rule set %s; %d warm-up + %d rounds%n",
                customers, facts.stream().mapToInt(c -> c.visits().size()).sum(), AS_OF, rules.version(), warmup, rounds);

        double floor = measure("plain Java tier floor", customers, warmup, rounds,
                () -> PlainJavaTierFloor.tierAll(AS_OF, facts), 0);
        int threads = namespace.getInt("threads");
        measure("rules (in process, " + threads + " thread" + (threads == 1 ? "" : "s") + ")", customers, warmup,
                rounds, () -> classifyInParallel(classifier, facts, threads), floor);
        if (namespace.getString("url") != null) {
            HttpBench http = new HttpBench(namespace.getString("url"), namespace.getString("apiKey"), request,
                    namespace.getInt("batch"),
                    namespace.getInt("clients"));
            measure("rules through HTTP (" + namespace.getInt("batch") + " per request, "
                    + namespace.getInt("clients") + " clients)", customers, warmup, rounds, http::run, floor);
        }
    }

    private static double measure(String mode, int customers, int warmup, int rounds, Work work, double floor)
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
        System.out.printf("%-50s median %,12.0f customers/s  (min %,.0f, max %,.0f)%s%n", mode, median, rates[0],
                rates[rates.length - 1], floor == 0 ? "" : String.format("  = 1/%.0f of the floor", floor / median));
        return median;
    }

    /** Classifies the customers in {@code threads} equal shares at once; returns how many were classified. */
    private static int classifyInParallel(Classifier classifier, List<CustomerFacts> facts, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
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
            ExecutorService pool = Executors.newFixedThreadPool(clients);
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
