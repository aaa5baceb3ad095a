package jipan.admin;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.function.IntSupplier;

/**
 * jipan's own metrics, in the service's metric registry (and so on the admin port's {@code /metrics} and
 * {@code /prometheus}): customers classified, classification runs, imports, reports, and rule sets proposed,
 * made live and refused, publish requests pending. {@link #NONE} counts into a registry nobody reads (commands, tests).
 */
public final class ServiceMetrics {
    public static final ServiceMetrics NONE = new ServiceMetrics(new MetricRegistry());

    private final MetricRegistry registry;
    public final Counter classifiedCustomers;
    public final Timer runs;
    public final Counter runCustomers;
    public final Counter runsFailed;
    public final Timer imports;
    public final Counter importedRows;
    public final Counter rejectedRows;
    public final Counter importsFailed;
    public final Timer ruleProposals;
    public final Counter ruleActivations;
    public final Counter ruleRefusals;
    /** Store-nights of the nightly pipeline that ended done, and failed. */
    public final Counter nightsDone;
    public final Counter nightsFailed;

    public ServiceMetrics(MetricRegistry registry) {
        this.registry = registry;
        classifiedCustomers = registry.counter("jipan.classify.customers");
        runs = registry.timer("jipan.runs.duration");
        runCustomers = registry.counter("jipan.runs.customers");
        runsFailed = registry.counter("jipan.runs.failed");
        imports = registry.timer("jipan.imports.duration");
        importedRows = registry.counter("jipan.imports.rows.imported");
        rejectedRows = registry.counter("jipan.imports.rows.rejected");
        importsFailed = registry.counter("jipan.imports.failed");
        ruleProposals = registry.timer("jipan.rules.proposals");
        ruleActivations = registry.counter("jipan.rules.activations");
        ruleRefusals = registry.counter("jipan.rules.refusals");
        nightsDone = registry.counter("jipan.nightly.stores.done");
        nightsFailed = registry.counter("jipan.nightly.stores.failed");
    }

    /**
     * The publish requests waiting for a decision ({@code jipan.rules.requests.pending}), counted when the metrics are
     * read; no value while the store cannot be read.
     */
    public void pendingRequests(IntSupplier pending) {
        registry.gauge("jipan.rules.requests.pending", () -> () -> {
            try {
                return pending.getAsInt();
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    /** How long each report takes, by report name. */
    public Timer report(String name) {
        return registry.timer("jipan.reports." + name.replace('-', '_'));
    }
}
