package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rule set versions through real HTTP: a published edit is a new version, and rollback restores answers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleVersionsResourceTest {
    private static final Path RULES = copyOfShippedRules();
    private static final DropwizardAppExtension<JipanConfiguration> APP = new DropwizardAppExtension<>(
            JipanApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:rule-versions-test;DB_CLOSE_DELAY=-1"));

    private static Path copyOfShippedRules() {
        try {
            Path directory = Files.createTempDirectory("jipan-rules-");
            try (Stream<Path> files = Files.list(Path.of("../rules"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, directory.resolve(file.getFileName()));
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebTarget api(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private String classifiedWith() {
        return api("/classify").request().post(Entity.entity(TestRequests.json("spec-example.json"),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class).get("rulesetVersion").asText();
    }

    @Test
    void aPublishedEditIsANewVersionAndRollbackRestoresTheEarlierAnswers() throws IOException {
        JsonNode versions = api("/rules/versions").request().get(JsonNode.class);
        assertThat(versions).hasSize(1);
        long first = versions.get(0).get("seq").asLong();
        String firstHash = versions.get(0).get("hash").asText();
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(classifiedWith()).isEqualTo(firstHash);

        Path tiers = RULES.resolve("tiers.drl");
        String original = Files.readString(tiers);
        Files.writeString(tiers, original + "\n// reviewed by the after-sales manager\n");
        Response reload = api("/rules/reload").request().post(Entity.json("{}"));
        assertThat(reload.getStatus()).isEqualTo(200);
        String secondHash = reload.readEntity(JsonNode.class).get("liveVersion").asText();
        assertThat(secondHash).isNotEqualTo(firstHash);
        assertThat(classifiedWith()).isEqualTo(secondHash);

        JsonNode all = api("/rules/versions").request().get(JsonNode.class);
        assertThat(all).hasSize(2);
        long second = all.get(0).get("seq").asLong();
        assertThat(all.get(0).get("active").asBoolean()).isTrue();
        assertThat(all.get(1).get("active").asBoolean()).isFalse();
        JsonNode diff = api("/rules/versions/" + first + "/diff/" + second).request().get(JsonNode.class);
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("file").asText()).isEqualTo("tiers.drl");
        assertThat(diff.get(0).get("lines").toString()).contains("+ // reviewed by the after-sales manager");

        Response rollback = api("/rules/versions/" + first + "/activate").request().post(Entity.json("{}"));

        assertThat(rollback.getStatus()).isEqualTo(200);
        assertThat(classifiedWith()).isEqualTo(firstHash);
        assertThat(Files.readString(tiers)).isEqualTo(original);
        assertThat(api("/rules/versions/" + first).request().get(JsonNode.class).get("files").get("tiers.drl").asText())
                .isEqualTo(original);
        assertThat(api("/rules/versions/999").request().get().getStatus()).isEqualTo(404);
    }
}
