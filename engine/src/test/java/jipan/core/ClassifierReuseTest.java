package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.scenarios.DemoDealership;
import org.junit.jupiter.api.Test;

/**
 * A classifier reuses its pooled sessions and each thread's firing log: the same customers classified again, on
 * one thread and on several, give the same answers — no reason, firing or decision left over from the customer
 * before.
 */
class ClassifierReuseTest {

    @Test
    void classifyingAgainGivesTheSameAnswersWithNothingLeftOver() throws Exception {
        Classifier classifier = new Classifier(jipan.ShippedRules.compiled(),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        ClassifyRequest request = new CustomerFactsReader().readClassifyRequest(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../fixtures/followups/price-and-postponed.yml").toFile()).get("request"));
        ClassifyRequest others = new CustomerFactsReader().readClassifyRequest(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../fixtures/followups/retention-calls.yml").toFile()).get("request"));
        List<Classification> first = classifier.classify(request.asOf(), request.customers());
        for (int round = 0; round < 3; round++) {
            classifier.classify(others.asOf(), others.customers());
            assertThat(classifier.classify(request.asOf(), request.customers())).isEqualTo(first);
        }
        List<Classification> parallel = List.of(1, 2, 3, 4).parallelStream()
                .flatMap(i -> classifier.classify(request.asOf(), request.customers()).stream()).toList();
        assertThat(parallel).containsOnly(first.toArray(Classification[]::new)).hasSize(4 * first.size());
    }

    /**
     * Two threads classifying thousands of realistic customers at once get the answers one thread gets. (A
     * session configured without the engine's thread safety, 4 % faster, failed this: sessions of one rule base
     * share state, and answers mixed up customers' facts.)
     */
    @Test
    void twoThreadsAtOnceGetTheAnswersOfOne() throws Exception {
        Classifier classifier = new Classifier(jipan.ShippedRules.compiled(),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        LocalDate asOf = LocalDate.of(2012, 9, 30);
        DemoDealership dealership = new DemoDealership(11L, asOf);
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            customers.add(dealership.customer(i));
        }
        List<Classification> alone = classifier.classify(asOf, customers);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(() -> classifier.classify(asOf, customers));
            var second = threads.submit(() -> classifier.classify(asOf, customers));
            assertThat(first.get()).isEqualTo(alone);
            assertThat(second.get()).isEqualTo(alone);
        } finally {
            threads.shutdown();
        }
    }
}
