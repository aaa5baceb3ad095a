package jipan.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.ShippedRules;
import jipan.TestRequests;
import jipan.db.DatabaseSettings;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.junit.jupiter.api.Test;

/**
 * An approved request with an effective time goes live at that time on every instance sharing the store — here two
 * services on one database (PostgreSQL when the tests have it, else H2), each with its own rules directory — and is
 * recorded once.
 */
class ScheduledRequestTest {
    private static final Duration AHEAD = Duration.ofSeconds(8);

    private static DropwizardTestSupport<JipanConfiguration> instance(DatabaseSettings database) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("rules.directory", ShippedRules.copy().toString()),
                ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
                ConfigOverride.config("database.url", database.getUrl())));
        if (database.getUser() != null) {
            overrides.add(ConfigOverride.config("database.user", database.getUser()));
            overrides.add(ConfigOverride.config("database.password", database.getPassword()));
        }
        return new DropwizardTestSupport<>(JipanApplication.class,
                ResourceHelpers.resourceFilePath("test-config-approval.yml"), overrides.toArray(ConfigOverride[]::new));
    }

    private static JsonNode post(Client client, DropwizardTestSupport<JipanConfiguration> app, String path, String key,
                                 String body, int status) throws Exception {
        try (Response response = client.target("http://localhost:" + app.getLocalPort() + "/api/v1" + path).request()
                .header("X-Api-Key", key).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            return TestRequests.JSON.readTree(text);
        }
    }

    private static LiveRules live(DropwizardTestSupport<JipanConfiguration> app) {
        return ((JipanApplication) app.getApplication()).liveRules();
    }

    @Test
    void anApprovedRequestGoesLiveAtItsTimeOnBothInstancesAndIsRecordedOnce() throws Exception {
        DatabaseSettings database = TestDatabases.settings(TestDatabases.POSTGRES_URL != null ? "postgresql" : "h2");
        DropwizardTestSupport<JipanConfiguration> first = instance(database);
        DropwizardTestSupport<JipanConfiguration> second = instance(database);
        Client client = JerseyClientBuilder.createClient();
        first.before();
        second.before();
        try {
            String before = live(first).current().rulesetVersion();
            String tiers = Files.readString(Path.of("../rules/tiers.drl"));
            JsonNode made = post(client, first, "/rules/publish", PublishRequestsTest.LILEI, "{\"files\": {\"tiers.drl\": "
                    + TestRequests.JSON.writeValueAsString(tiers + "\n// from the first of the month\n") + "}}", 202);
            Instant at = Instant.now().plus(AHEAD);
            JsonNode approved = post(client, second, "/rules/requests/" + made.get("id").asLong() + "/approve",
                    PublishRequestsTest.WANGFANG, "{\"comment\": \"下月一日生效\", \"effectiveAt\": \""
                            + OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)) + "\"}", 200);
            assertThat(approved.get("state").asText()).isEqualTo("scheduled");
            String candidate = made.get("candidate").asText();

            Instant[] swapped = new Instant[2];
            List<DropwizardTestSupport<JipanConfiguration>> both = List.of(first, second);
            while ((swapped[0] == null || swapped[1] == null) && Instant.now().isBefore(at.plusSeconds(30))) {
                for (int i = 0; i < 2; i++) {
                    String version = live(both.get(i)).current().rulesetVersion();
                    if (swapped[i] == null && version.equals(candidate)) {
                        swapped[i] = Instant.now();
                    } else if (swapped[i] == null) {
                        assertThat(version).isEqualTo(before);
                    }
                }
                Thread.sleep(50);
            }

            for (Instant when : swapped) {
                assertThat(when).as("went live on both instances").isNotNull();
                assertThat(when).isAfterOrEqualTo(at).isBefore(at.plusSeconds(8));
            }
            try (Response request = client.target("http://localhost:" + first.getLocalPort() + "/api/v1/rules/requests/"
                    + made.get("id").asLong()).request().header("X-Api-Key", PublishRequestsTest.HANMEIMEI).get()) {
                JsonNode done = TestRequests.JSON.readTree(request.readEntity(String.class));
                assertThat(done.get("state").asText()).isEqualTo("live");
                assertThat(done.get("history")).extracting(step -> step.get("how").asText())
                        .containsExactly("request_made", "request_approved", "scheduled");
            }
        } finally {
            client.close();
            second.after();
            first.after();
        }
    }
}
