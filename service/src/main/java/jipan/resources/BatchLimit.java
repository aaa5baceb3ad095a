package jipan.resources;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.api.Problem;

/** The most customers one request may carry; more is answered 413 naming the limit. */
public final class BatchLimit {
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final int maxCustomers;

    public BatchLimit(int maxCustomers) {
        this.maxCustomers = maxCustomers;
    }

    /** Checks the {@code customers} array of a body (or the body itself, when it is the array). */
    public void check(JsonNode body) {
        JsonNode customers = body != null && body.isObject() ? body.get("customers") : body;
        if (customers != null && customers.isArray() && customers.size() > maxCustomers) {
            String message = "a request may hold at most " + maxCustomers + " customers (got " + customers.size()
                    + "); split it into smaller batches";
            throw new WebApplicationException(Problem.invalid(PAYLOAD_TOO_LARGE, "too-many-customers", message,
                    List.of("customers: " + message)).response());
        }
    }
}
