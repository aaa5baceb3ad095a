package jipan.resources;

import jakarta.ws.rs.core.HttpHeaders;

import jakarta.ws.rs.core.Context;

import jakarta.ws.rs.QueryParam;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.admin.ServiceMetrics;
import jipan.api.ClassifyRequestBody;
import jipan.api.ClassifyResponse;
import jipan.api.CustomerResult;
import jipan.auth.Roles;
import jipan.core.Classifier;
import jipan.core.Lang;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.lifecycle.LiveRules;

/** {@code POST /api/v1/classify}: facts in, classifications out; nothing is stored. */
@Path("/api/v1/classify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {
    private final LiveRules rules;
    private final CustomerFactsReader reader;
    private final BatchLimit limit;

    private final ServiceMetrics metrics;

    public ClassifyResource(LiveRules rules, CustomerFactsReader reader, BatchLimit limit, ServiceMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.reader = reader;
        this.limit = limit;
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @POST
    @jipan.auth.StoreScoped
    @Timed
    public ClassifyResponse classify(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ClassifyRequestBody.class)))
            JsonNode body, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        ClassifyResponse response = answer(body, Downloads.lang(lang, headers));
        metrics.classifiedCustomers.inc(response.results().size());
        return response;
    }

    /**
     * The answer to a body, counted nowhere: also the OpenAPI document's example answer. Reasons and tasks in
     * {@code lang}.
     */
    public ClassifyResponse answer(JsonNode body, Lang lang) {
        limit.check(body);
        ClassifyRequest request = reader.readClassifyRequest(body);
        // one rule set for the whole request, even if a new one goes live meanwhile
        Classifier classifier = rules.current();
        List<CustomerResult> results = classifier.classify(request.asOf(), request.customers()).stream()
                .map(result -> CustomerResult.of(result, classifier.rules().texts(), lang))
                .toList();
        return new ClassifyResponse(request.asOf(), classifier.rulesetVersion(), results);
    }
}
