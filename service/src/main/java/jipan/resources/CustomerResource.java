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
import jakarta.ws.rs.container.ContainerRequestContext;
import jipan.auth.Roles;
import jipan.auth.StoreScoped;
import jipan.core.documents.InvalidInputException;
import jipan.stores.StoreScope;
import jipan.stores.Stores;
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

    private final Stores stores;

    public CustomerResource(CustomerStore store, ClassificationRuns runs, LiveRules rules,
                            CustomerFactsReader reader, BatchLimit limit, ObservedRates observed, Holdout holdout,
                            Stores stores) {
        this.stores = stores;
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
    @StoreScoped
    public UpsertResult upsert(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpsertRequestBody.class)))
            JsonNode body, @Context ContainerRequestContext request) {
        limit.check(body);
        List<CustomerUpsert> batch = inStores(reader.readUpsertBatch(body), request);
        try {
            store.upsert(batch, StoreScope.of(request).defaultStore(stores));
        } catch (CustomerStore.StoreConflict e) {
            throw new InvalidInputException(List.of(e.getMessage()));
        }
        return new UpsertResult(batch.size());
    }

    /**
     * Each customer's store checked ({@code customers[i].store}: known, and the caller's); a key limited to stores
     * writes into its first store where a customer names none, so it never changes another store's customer.
     */
    private List<CustomerUpsert> inStores(List<CustomerUpsert> batch, ContainerRequestContext request) {
        StoreScope scope = StoreScope.of(request);
        List<String> problems = new java.util.ArrayList<>();
        List<CustomerUpsert> checked = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CustomerUpsert upsert = batch.get(i);
            String named = upsert.facts().customer().getStore();
            String field = "customers[" + i + "].store";
            if (named == null) {
                checked.add(scope.isAll() ? upsert : withStore(upsert, scope.defaultStore(stores)));
                continue;
            }
            try {
                checked.add(withStore(upsert, StoreParameters.named(request, stores, field, named)));
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    private static CustomerUpsert withStore(CustomerUpsert upsert, String code) {
        return new CustomerUpsert(upsert.facts().inStore(code), upsert.complaintsGiven(), upsert.eventsGiven(), upsert.referralsGiven(),
                upsert.surveysGiven());
    }

    /**
     * Finds customers by id, or by a part of their name, phone or a vehicle's VIN ({@code q}, 1–64 characters):
     * at most {@code limit} (default 50, at most 200), in id order.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @StoreScoped
    public List<CustomerSummary> search(@QueryParam("q") @NotBlank @Size(max = 64) String q,
                                        @QueryParam("limit") @Min(1) @Max(200) Integer limit,
                                        @QueryParam("store") String storeCode,
                                        @Context ContainerRequestContext request) {
        return store.in(StoreParameters.scope(request, stores, "store", storeCode))
                .search(q.strip(), limit == null ? 50 : limit).stream()
                .map(m -> new CustomerSummary(m.id(), m.name(), m.phone(), m.region(), m.store())).toList();
    }

    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Path("/{id}")
    @StoreScoped
    public CustomerDocument get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return CustomerDocument.of(stored(id, request));
    }

    /**
     * Classifies the stored facts with the live rules, as of {@code asOf} (required, as on classify), with how
     * customers like this one did in the latest backtest, and each task the call lists hold out marked so.
     */
    @RolesAllowed({Roles.INTEGRATION, Roles.ANALYST, Roles.SERVICE})
    @GET
    @Timed
    @Path("/{id}/classification")
    @StoreScoped
    public ClassifyResponse classification(@PathParam("id") String id, @QueryParam("asOf") @NotNull LocalDate date,
                                           @QueryParam("lang") String lang, @Context HttpHeaders headers,
                                           @Context ContainerRequestContext request) {
        Lang language = Downloads.lang(lang, headers);
        CustomerFacts customer = stored(id, request);
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
    @StoreScoped
    public List<StoredClassification> history(@PathParam("id") String id, @QueryParam("lang") String lang,
                                              @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        Lang language = Downloads.lang(lang, headers);
        stored(id, request);
        // the answer as a JSON object, not the stored row's JSON string
        return runs.classificationsOf(id, language);
    }

    /** The customer, or 404 when there is none or it is another store's than the caller's. */
    private CustomerFacts stored(String id, ContainerRequestContext request) {
        return store.find(id).filter(found -> !StoreParameters.hidden(request, found.customer().getStore()))
                .orElseThrow(() -> new NotFoundException("no customer " + id));
    }
}
