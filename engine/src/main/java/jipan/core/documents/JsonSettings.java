package jipan.core.documents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import jipan.core.Limits;
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
                // one date reading for bodies, customer documents and parameters: YYYY-MM-DD within Limits
                .registerModule(new SimpleModule("jipan-dates").addDeserializer(LocalDate.class, new DateReader()))
                // a field the body does not have is a mistake to report (a typo), not to ignore
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // money is decimal: 480.10 must not pass through a double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // dates as YYYY-MM-DD, the contract's spelling
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Reads a date field with {@link Limits#parseDate}; a bad one names what was expected and what came. */
    private static final class DateReader extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : parser.getValueAsString();
            try {
                return Limits.parseDate(text == null ? parser.getText() : text);
            } catch (IllegalArgumentException e) {
                throw new InvalidFormatException(parser, e.getMessage(), text, LocalDate.class);
            }
        }
    }
}
