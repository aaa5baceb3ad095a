package jipan.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jipan.concurrent.NamedThreads;
import jipan.db.Columns;
import jipan.db.WebhookDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks: every event becomes one stored delivery per endpoint that wants it, and a sender on every instance posts
 * the due ones — each claimed by one instance — signed, and tries a failed one again with backoff until it is delivered
 * or {@code retryForHours} have passed. Every delivery is kept with the last status and answer it got.
 *
 * <p>The message: {@code {"id": delivery, "event": "run.finished", "at": "…", "data": {…}}}, with the headers
 * {@code X-Jipan-Event}, {@code X-Jipan-Delivery}, {@code X-Jipan-Timestamp} (Unix seconds) and
 * {@code X-Jipan-Signature: sha256=HEX}, the HMAC-SHA256 with the endpoint's secret of {@code TIMESTAMP + "." + BODY}:
 * a receiver recomputes it and refuses a message whose timestamp is old (a replay).
 */
public final class Webhooks implements Events, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 20;
    private static final int ANSWER_KEPT = 1000;

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final WebhookSettings settings;
    private final String owner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private ScheduledExecutorService sender;

    public Webhooks(Jdbi jdbi, ObjectMapper json, WebhookSettings settings, String owner) {
        settings.check();
        this.jdbi = jdbi;
        this.json = json;
        this.settings = settings;
        this.owner = owner;
    }

    /** Stores the event for every endpoint that wants it; the sender posts it. Never fails the caller's work. */
    @Override
    public void happened(WebhookEvent event, Map<String, Object> data) {
        List<WebhookSettings.Endpoint> wanting = settings.getEndpoints().stream().filter(e -> e.wants(event)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        try {
            Instant now = Instant.now();
            for (WebhookSettings.Endpoint endpoint : wanting) {
                jdbi.useTransaction(handle -> {
                    WebhookDao dao = handle.attach(WebhookDao.class);
                    long id = dao.insert(endpoint.getName(), endpoint.getUrl(), event.code(), "{}", now);
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("id", id);
                    message.put("event", event.code());
                    message.put("at", now.toString());
                    message.put("data", data);
                    handle.createUpdate("UPDATE webhook_delivery SET body = :body WHERE id = :id")
                            .bind("body", write(message)).bind("id", id).execute();
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook {} not stored: {}", event.code(), e.getMessage());
        }
    }

    @Override
    public void start() {
        if (settings.getEndpoints().isEmpty()) {
            return;
        }
        sender = NamedThreads.daemon("webhook-sender").scheduled();
        sender.scheduleWithFixedDelay(this::sendDue, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        NamedThreads.close(sender, Duration.ofSeconds(5));
    }

    /** Posts every due delivery this instance can claim; returns how many it tried. */
    public int sendDue() {
        int tried = 0;
        try {
            Instant now = Instant.now();
            for (long id : jdbi.withExtension(WebhookDao.class, dao -> dao.due(now, BATCH))) {
                int claimed = jdbi.withExtension(WebhookDao.class, dao -> dao.claim(id, owner, now.plus(CLAIM), now));
                if (claimed == 1) {
                    send(jdbi.withExtension(WebhookDao.class, dao -> dao.find(id)));
                    tried++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("webhooks not sent: {}", e.getMessage());
        }
        return tried;
    }

    private void send(WebhookDao.DeliveryRow delivery) {
        Optional<WebhookSettings.Endpoint> endpoint = settings.getEndpoints().stream()
                .filter(e -> e.getName().equals(delivery.endpoint())).findFirst();
        if (endpoint.isEmpty()) {
            record(delivery, "failed", null, "the endpoint " + delivery.endpoint() + " is no longer configured", null);
            return;
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Integer status = null;
        String answer;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.get().getUrl()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "jipan-webhooks")
                    .header("X-Jipan-Event", delivery.event())
                    .header("X-Jipan-Delivery", Long.toString(delivery.id()))
                    .header("X-Jipan-Timestamp", timestamp)
                    .header("X-Jipan-Signature", "sha256=" + signature(endpoint.get().getSecret(), timestamp,
                            delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException | IllegalArgumentException e) {
            answer = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = "interrupted";
        }
        if (status != null && status >= 200 && status < 300) {
            record(delivery, "delivered", status, answer, null);
            return;
        }
        Instant next = Instant.now().plus(backoff(delivery.attempts() + 1));
        boolean givenUp = next.isAfter(delivery.createdAt().plus(Duration.ofHours(settings.getRetryForHours())));
        record(delivery, givenUp ? "failed" : "pending", status, answer, next);
        LOG.warn("webhook {} ({}) to {} got {}{}", delivery.id(), delivery.event(), delivery.endpoint(),
                status == null ? answer : "HTTP " + status, givenUp ? "; given up" : "; tried again at " + next);
    }

    /** The wait after the {@code attempt}-th failure: the first retry's, doubled each time, at most an hour. */
    Duration backoff(int attempt) {
        Duration wait = Duration.ofSeconds(settings.getFirstRetrySeconds());
        for (int i = 1; i < attempt && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void record(WebhookDao.DeliveryRow delivery, String state, Integer status, String answer, Instant next) {
        String kept = Columns.clip(answer, ANSWER_KEPT);
        jdbi.useExtension(WebhookDao.class, dao -> dao.attempted(delivery.id(), owner, state, status, kept,
                next == null ? delivery.nextAttemptAt() : next, state.equals("delivered") ? Instant.now() : null));
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body} with {@code secret}, as lower-case hex. */
    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
