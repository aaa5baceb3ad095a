package jipan;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How jipan reads and writes JSON, the same for the service, the fixture runner and the tests. */
public final class JsonSettings {
    private JsonSettings() {
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper
                // money is decimal: 480.10 must not pass through a double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // dates as YYYY-MM-DD, the contract's spelling
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
