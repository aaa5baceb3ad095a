package jipan.core.documents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How jipan reads and writes JSON, the same for the service, the fixture runner and the tests. */
public final class JsonSettings {
    private JsonSettings() {
    }

    /** A plain mapper with these settings, for the engine's own use (the service starts from Dropwizard's). */
    public static ObjectMapper newObjectMapper() {
        return apply(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper
                // money is decimal: 480.10 must not pass through a double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // dates as YYYY-MM-DD, the contract's spelling
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
