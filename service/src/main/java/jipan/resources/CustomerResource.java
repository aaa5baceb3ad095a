package jipan.resources;

import jakarta.ws.rs.core.HttpHeaders;

import jakarta.ws.rs.core.Context;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jipan.api.ClassifyResponse;
import jipan.api.CustomerDocument;
import jipan.api.CustomerResult;
import jipan.api.CustomerSummary;
import jipan.api.StoredClassification;
import jipan.api.UpsertRequestBody;
import jipan.api.UpsertResult;
import jipan.auth.Roles;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.Lang;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.Limits;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.evidence.Holdout;
import jipan.db.CustomerStore;
import jipan.evidence.ObservedRates;
import jipan.lifecycle.LiveRules;
import jipan.runs.ClassificationRuns;

/** The stored customer base: upsert, read, classify one customer, and its classification history. */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerStore store;
    private final ClassificationRuns runs;
    private final LiveRules rules;
    private final CustomerFactsReader reader;
    private final BatchLimit limit;
    private final ObservedRates observed;
    private final Holdout holdout;

    public CustomerResource(CustomerStore store, ClassificationRuns runs, LiveRules rules,
                            CustomerFactsReader reader, BatchLimit limit, ObservedRates observed, Holdout holdout) {
        this.observed = observed;
        this.holdout = holdout;
        this.store = store;
        this.runs = runs;
        this.rules = rules;
        this.reader = reader;
        this.limit = limit;
    }

    /** Upserts a batch in one transaction: {@code {"customers": [ … ]}} or an array of customers. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST})
    @PUT
    @Timed
    @Consumes(MediaType.APPLICATION_JSON)
    public UpsertResult upsert(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpsertRequestBody.class)))
            JsonNode body) {
        limit.check(body);
        List<CustomerUpsert> batch = reader.readUpsertBatch(body);
        store.upsert(batch);
        return new UpsertResult(batch.size());
    }

    /**
     * Finds customers by id, or by a part of their name, phone or a vehicle's VIN ({@code q}, 1–64 characters):
     * at most {@code limit} (default 50, at most 200), in id order.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    public List<CustomerSummary> search(@QueryParam("q") @NotBlank @Size(max = 64) String q,
                                        @QueryParam("limit") @Min(1) @Max(200) Integer limit) {
        return store.search(q.strip(), limit == null ? 50 : limit).stream()
                .map(m -> new CustomerSummary(m.id(), m.name(), m.phone(), m.region())).toList();
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Path("/{id}")
    public CustomerDocument get(@PathParam("id") String id) {
        return CustomerDocument.of(stored(id));
    }

    /**
     * Classifies the stored facts with the live rules, as of {@code asOf} (required, as on classify), with how
     * customers like this one did in the latest backtest, and each task the call lists hold out marked so.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Timed
    @Path("/{id}/classification")
    public ClassifyResponse classification(@PathParam("id") String id, @QueryParam("asOf") @NotNull LocalDate date,
                                           @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Lang language = Downloads.lang(lang, headers);
        CustomerFacts customer = stored(id);
        Classifier classifier = rules.current();
        Classification answer = classifier.classify(date, customer);
        CustomerResult result = CustomerResult.of(answer, classifier.rules().texts(), language).withHoldout(holdout);
        return new ClassifyResponse(date, classifier.rulesetVersion(), List.of(observed.of(classifier.rulesetVersion(),
                answer.tier(), answer.churn(), language).map(result::withObserved).orElse(result)));
    }

    /** Every stored classification of the customer, latest first. */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Path("/{id}/classifications")
    public List<StoredClassification> history(@PathParam("id") String id, @QueryParam("lang") String lang,
                                              @Context HttpHeaders headers) {
        Lang language = Downloads.lang(lang, headers);
        stored(id);
        // the answer as a JSON object, not the stored row's JSON string
        return runs.classificationsOf(id, language);
    }

    private CustomerFacts stored(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no customer " + id));
    }
}
