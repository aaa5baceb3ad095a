package jipan.resources;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.api.ClassifyRequest;
import jipan.api.ClassifyResponse;
import jipan.api.CustomerFactsReader;
import jipan.api.CustomerResult;
import jipan.api.ErrorResponse;
import jipan.core.Classifier;

/** {@code POST /api/v1/classify}: facts in, classifications out; nothing is stored. */
@Path("/api/v1/classify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final Classifier classifier;
    private final CustomerFactsReader reader;
    private final int maxCustomersPerRequest;

    public ClassifyResource(Classifier classifier, CustomerFactsReader reader, int maxCustomersPerRequest) {
        this.classifier = classifier;
        this.reader = reader;
        this.maxCustomersPerRequest = maxCustomersPerRequest;
    }

    @POST
    @Timed
    public ClassifyResponse classify(JsonNode body) {
        JsonNode customers = body == null ? null : body.get("customers");
        if (customers != null && customers.isArray() && customers.size() > maxCustomersPerRequest) {
            String message = "a classify request may hold at most " + maxCustomersPerRequest + " customers (got "
                    + customers.size() + "); split it into smaller batches";
            throw new WebApplicationException(Response.status(PAYLOAD_TOO_LARGE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(PAYLOAD_TOO_LARGE, message, List.of("customers: " + message)))
                    .build());
        }
        ClassifyRequest request = reader.readClassifyRequest(body);
        List<CustomerResult> results = classifier.classify(request.asOf(), request.customers()).stream()
                .map(CustomerResult::of)
                .toList();
        return new ClassifyResponse(request.asOf(), classifier.rulesetVersion(), results);
    }
}
