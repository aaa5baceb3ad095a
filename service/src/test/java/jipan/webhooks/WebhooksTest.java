package jipan.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks to a local receiver over real HTTP: a finished run, its call list, a waiting publish request and a refused
 * rule set each reach it signed with the endpoint's secret (checked here with the JDK's HMAC, not the service's code);
 * a message the receiver refuses is sent again after the backoff; every delivery is listed with its answers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhooksTest {
    private static final String SECRET = "a secret of sixteen or more";
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final HttpServer RECEIVER = receiver();
    private static final TestApp APP = new TestApp(config(),
            ConfigOverride.config("rules.directory", ShippedRules.copy().toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:webhooks-test;DB_CLOSE_DELAY=-1"));

    private record Received(String event, String delivery, String timestamp, String signature, String body) {
    }

    /** Answers 500 to the very first message (to be sent again), 200 to every other. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("X-Jipan-Event"),
                        exchange.getRequestHeaders().getFirst("X-Jipan-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Jipan-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Jipan-Signature"), body));
                int status = CALLS.incrementAndGet() == 1 ? 500 : 200;
                byte[] answer = (status == 500 ? "busy, try later" : "ok").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config() {
        try {
            String text = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                    + "webhooks:\n  firstRetrySeconds: 1\n  endpoints:\n    - name: crm\n      url: http://127.0.0.1:"
                    + RECEIVER.getAddress().getPort() + "/hook\n      secret: \"" + SECRET + "\"\n      events: "
                    + "[run.finished, call-list.ready, publish-request.waiting, rules.refused]\n";
            Path file = Files.createTempFile("jipan-webhooks", ".yml");
            return Files.writeString(file, text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    private static Response api(String verb, String path, Object body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request();
        return body == null ? request.method(verb) : request.method(verb, Entity.json(body));
    }

    private static String hmac(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    @Test
    void aFinishedRunItsCallListAndAWaitingRequestReachTheReceiverSignedAndARefusedOneIsSentAgain() throws Exception {
        api("PUT", "/customers", TestRequests.json("three-customer-pay-visits.json")).close();
        long run;
        try (Response started = api("POST", "/classification-runs", "{\"asOf\": \"2012-09-30\"}")) {
            assertThat(started.getStatus()).isEqualTo(202);
            run = TestRequests.JSON.readTree(started.readEntity(String.class)).get("id").asLong();
        }
        String tiers = Files.readString(Path.of("../rules/tiers.drl")) + "\n// for the webhook\n";
        try (Response made = api("POST", "/rules/requests", "{\"files\": {\"tiers.drl\": "
                + TestRequests.JSON.writeValueAsString(tiers) + "}, \"comment\": \"请审批\"}")) {
            assertThat(made.getStatus()).isEqualTo(201);
        }

        try (Response refused = api("POST", "/rules/publish", "{\"files\": {\"broken.drl\": \"package jipan.rules;\\nrule \\\"half\\\" when\"}}")) {
            assertThat(refused.getStatus()).isEqualTo(409);
        }

        await("four events delivered", () -> RECEIVED.stream().filter(r -> CALLS.get() > 1)
                .map(Received::event).distinct().count() == 4 && RECEIVED.size() >= 5);

        for (Received message : RECEIVED) {
            assertThat(message.signature()).as("signed " + message.event()).isEqualTo(hmac(message.timestamp(),
                    message.body()));
            assertThat(Long.parseLong(message.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(120L));
            JsonNode body = TestRequests.JSON.readTree(message.body());
            assertThat(body.get("event").asText()).isEqualTo(message.event());
            assertThat(body.get("id").asText()).isEqualTo(message.delivery());
        }
        JsonNode finished = RECEIVED.stream().filter(r -> r.event().equals("run.finished")).findFirst()
                .map(r -> read(r.body())).orElseThrow().get("data");
        assertThat(finished.get("run").asLong()).isEqualTo(run);
        assertThat(finished.get("asOf").asText()).isEqualTo("2012-09-30");
        assertThat(finished.get("customers").asInt()).isPositive();
        JsonNode waiting = RECEIVED.stream().filter(r -> r.event().equals("publish-request.waiting")).findFirst()
                .map(r -> read(r.body())).orElseThrow().get("data");
        assertThat(waiting.get("comment").asText()).isEqualTo("请审批");
        JsonNode refusedRules = RECEIVED.stream().filter(r -> r.event().equals("rules.refused")).findFirst()
                .map(r -> read(r.body())).orElseThrow().get("data");
        assertThat(refusedRules.get("reasons").toString()).contains("broken.drl");
        assertThat(refusedRules.get("liveVersion").asText()).startsWith("sha256:");
        // the first message was refused (500) and sent again, with the same delivery id and body
        Received first = RECEIVED.get(0);
        assertThat(RECEIVED.stream().filter(r -> r.delivery().equals(first.delivery()))).hasSize(2)
                .extracting(Received::body).containsOnly(first.body());

        JsonNode deliveries;
        try (Response listed = api("GET", "/webhooks/deliveries", null)) {
            deliveries = TestRequests.JSON.readTree(listed.readEntity(String.class));
        }
        assertThat(deliveries).hasSize(4).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("delivered"));
        JsonNode retried = null;
        for (JsonNode d : deliveries) {
            if (d.get("id").asText().equals(first.delivery())) {
                retried = d;
            }
        }
        assertThat(retried).isNotNull();
        assertThat(retried.get("attempts").asInt()).isEqualTo(2);
        assertThat(retried.get("lastStatus").asInt()).isEqualTo(200);
        try (Response bad = api("GET", "/webhooks/deliveries?state=lost", null)) {
            assertThat(bad.getStatus()).isEqualTo(422);
        }
    }

    private static JsonNode read(String text) {
        try {
            return TestRequests.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
