package jipan.admin;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /prometheus} on the admin port: every metric of the service's registry — the JVM, Jetty, the
 * resource timers and jipan's own ({@link ServiceMetrics}) — in the Prometheus text format, through the Prometheus
 * Java client's Dropwizard Metrics bridge. The admin port listens on loopback unless configured otherwise.
 */
public final class PrometheusEndpoint extends HttpServlet {
    public static final String PATH = "/prometheus";
    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry = new PrometheusRegistry();
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /**
     * Prometheus names of the metrics exported by the scrape under way. Two Dropwizard names can become one
     * Prometheus name (a resource's {@code classify} timer and its {@code classify.total} counter: Prometheus
     * drops the {@code _total} suffix); the first in name order is exported, the other left out.
     */
    private final transient Set<String> exported = ConcurrentHashMap.newKeySet();

    private PrometheusEndpoint(MetricRegistry metrics) {
        DropwizardExports.builder().dropwizardRegistry(metrics)
                .metricFilter((name, metric) -> exported.add(PrometheusNaming.sanitizeMetricName(name)))
                .register(registry);
    }

    private synchronized MetricSnapshots scrape() {
        exported.clear();
        return registry.scrape();
    }

    public static void register(Environment environment) {
        environment.admin().addServlet("prometheus", new PrometheusEndpoint(environment.metrics()))
                .addMapping(PATH);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // written whole before it is sent: a metric that cannot be read is a 500 that says so, not a cut-off page
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        writer.write(text, scrape());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(writer.getContentType());
        response.setContentLength(text.size());
        try (OutputStream out = response.getOutputStream()) {
            text.writeTo(out);
        }
    }
}
