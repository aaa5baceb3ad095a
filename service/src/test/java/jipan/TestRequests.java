package jipan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.documents.JsonSettings;

/** Test requests kept as JSON files under src/test/resources/requests. */
public final class TestRequests {
    public static final ObjectMapper JSON = JsonSettings.apply(Jackson.newObjectMapper());

    private TestRequests() {
    }

    public static JsonNode json(String name) {
        try (InputStream in = TestRequests.class.getResourceAsStream("/requests/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test request " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClassifyRequest classifyRequest(String name) {
        return new CustomerFactsReader().readClassifyRequest(json(name));
    }
}
