package jipan.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jipan.core.Lang;
import jipan.api.ClassifyRequestBody;
import jipan.concurrent.NamedThreads;
import jipan.core.scenarios.DemoDealership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers made-up single-customer classify requests before the service opens its port, so the first real ones
 * are not answered by a cold JVM: measured with wrk at 500 requests a second right after a start, p99 was 17 ms over
 * the first 30 s without this and 3 ms over the next 30 (docs/performance.md). Each request goes through what a
 * real one does after HTTP — the body read and checked, the live rules, the answer written as JSON — with the demo
 * dealership's customers (leads, complaints, events, referrals, surveys), on every core. Nothing is kept or
 * counted; a failure is logged and the service starts anyway ({@code classify.warmUpCustomers: 0} turns it off).
 */
public final class ClassifyWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyWarmUp.class);
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static final long SEED = 20121001L;
    /** Distinct customers made up; the warm-up goes round them. */
    private static final int DISTINCT = 2_000;

    private final ClassifyResource classify;
    private final ObjectMapper json;
    private final int customers;

    public ClassifyWarmUp(ClassifyResource classify, ObjectMapper json, int customers) {
        this.classify = classify;
        this.json = json;
        this.customers = customers;
    }

    @Override
    public void start() {
        if (customers > 0) {
            warm();
        }
    }

    /** Answers {@code customers} single-customer requests; returns how many were answered. */
    int warm() {
        long started = System.nanoTime();
        AtomicInteger answered = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = NamedThreads.daemon("classify-warm-up").pool(threads);
        try {
            List<ObjectNode> bodies = ClassifyRequestBody.perCustomer(ClassifyRequestBody.json(json, AS_OF,
                    new DemoDealership(SEED, AS_OF).customers(Math.min(DISTINCT, customers))));
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < customers; i += threads) {
                        json.writeValueAsBytes(classify.answer(bodies.get(i % bodies.size()), Lang.ZH));
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> part : work) {
                part.get();
            }
            LOG.info("classify warmed up: {} single-customer requests answered in {} s on {} thread(s)", answered.get(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9), threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("classify warm-up stopped after {} requests (the service starts anyway)", answered.get(), e);
        } finally {
            NamedThreads.close(pool, Duration.ZERO);
        }
        return answered.get();
    }

    @Override
    public void stop() {
    }
}
