package jipan.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import jipan.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The admin port: loopback by default, tasks closed, no rule content in the health check, no keys in logs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminPortTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:admin-port-test;DB_CLOSE_DELAY=-1"));

    private String admin(String path) {
        return "http://localhost:" + APP.getAdminPort() + path;
    }

    @Test
    void theAdminPortListensOnLoopbackUnlessConfigured() {
        DefaultServerFactory server = (DefaultServerFactory) APP.getConfiguration().getServerFactory();
        assertThat(server.getAdminConnectors()).allSatisfy(connector ->
                assertThat(((HttpConnectorFactory) connector).getBindHost()).isEqualTo("127.0.0.1"));
        assertThat(server.getApplicationConnectors()).allSatisfy(connector ->
                assertThat(((HttpConnectorFactory) connector).getBindHost()).isNull());
    }

    @Test
    void tasksAreClosedSoNobodyCanTurnOnDebugLogging() {
        Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
        Level before = jetty.getLevel();
        try (Response response = APP.client().target(admin("/tasks/log-level"))
                .queryParam("logger", "org.eclipse.jetty").queryParam("level", "DEBUG")
                .request().post(Entity.text(""))) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
        try (Response gc = APP.client().target(admin("/tasks/gc")).request().post(Entity.text(""))) {
            assertThat(gc.getStatus()).isEqualTo(404);
        }
        assertThat(jetty.getLevel()).isEqualTo(before);
    }

    @Test
    void theHealthCheckSummarisesARefusalAndOnlyTheAnalystSeesItsDetail() {
        String candidate = "{\"files\": {\"secret.drl\": \"package jipan.rules;\\nrule \\\"r\\\" when "
                + "SecretMarkerType() then end\\n\"}, \"comment\": \"x\"}";
        try (Response publish = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/publish")
                .request().header("X-Api-Key", "demo-analyst").post(Entity.json(candidate))) {
            assertThat(publish.getStatus()).isEqualTo(409);
        }

        String health = APP.client().target(admin("/healthcheck")).request().get().readEntity(String.class);
        String status = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/status")
                .request().header("X-Api-Key", "demo-analyst").get(String.class);

        assertThat(health).contains("problem(s), listed in /api/v1/rules/status").doesNotContain("SecretMarkerType");
        assertThat(status).contains("SecretMarkerType");
    }

    @Test
    void apiKeysNeverReachTheLogEvenAtDebugLevel() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        Logger jetty = context.getLogger("org.eclipse.jetty");
        Logger jersey = context.getLogger("org.glassfish.jersey");
        Level jettyBefore = jetty.getLevel();
        Level jerseyBefore = jersey.getLevel();
        jetty.setLevel(Level.DEBUG);
        jersey.setLevel(Level.DEBUG);
        try {
            try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/status")
                    .request().header("X-Api-Key", "demo-analyst").get()) {
                assertThat(response.getStatus()).isEqualTo(200);
            }
            try (Response bearer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/status")
                    .request().header("Authorization", "Bearer demo-analyst").get()) {
                assertThat(bearer.getStatus()).isEqualTo(200);
            }
        } finally {
            jetty.setLevel(jettyBefore);
            jersey.setLevel(jerseyBefore);
            root.detachAppender(captured);
        }
        captured.stop();
        List<ILoggingEvent> events;
        synchronized (captured) { // threads still finishing a request may append meanwhile (doAppend holds this lock)
            events = new ArrayList<>(captured.list);
        }
        assertThat(events).as("debug logging happened").isNotEmpty();
        assertThat(events).noneMatch(event -> event.getFormattedMessage().contains("demo-analyst"));
    }
}
