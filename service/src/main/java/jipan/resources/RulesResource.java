package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jipan.core.Chinese;
import jipan.core.Lang;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.api.FixtureSet;
import jipan.api.FixtureTestReport;
import jipan.api.ImpactReport;
import jipan.api.ImpactRequest;
import jipan.api.RuleActivation;
import jipan.api.RuleChange;
import jipan.api.RuleOutcome;
import jipan.api.RuleRefusal;
import jipan.api.RulesStatus;
import jipan.api.PublishRequest;
import jipan.approval.PublishRequests;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.Classifier;
import jipan.core.RuleFiles;
import jipan.core.scenarios.FixtureFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RuleImpact;
import jipan.lifecycle.RulePublisher;
import jipan.lifecycle.RuleVersions;

/**
 * Candidate rule sets and the live one: which version is live, validating, testing, previewing and publishing a
 * candidate, reloading the rules directory, the fixtures the gate runs and the activation log. A candidate goes
 * live only through {@link RulePublisher} — compiled, gated by the fixtures — and, with {@code rules.approval:
 * required}, only once another person approves its publish request. The versions ({@link RuleVersionsResource}),
 * the publish requests ({@link PublishRequestResource}) and the settings form ({@link RuleSettingsResource}) are
 * served apart.
 */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    private final RulePublisher publisher;
    private final LiveRules rules;
    private final RuleVersions versions;
    private final RuleImpact impact;
    private final java.nio.file.Path fixtures;
    private final PublishRequests requests;

    private jipan.stores.Stores stores = jipan.stores.Stores.single();

    /** The group's stores, for an impact of one store. */
    public RulesResource stores(jipan.stores.Stores stores) {
        this.stores = stores;
        return this;
    }

    public RulesResource(RulePublisher publisher, RuleVersions versions, RuleImpact impact,
                         java.nio.file.Path fixtures, PublishRequests requests) {
        this.publisher = publisher;
        this.requests = requests;
        this.rules = publisher.live();
        this.versions = versions;
        this.impact = impact;
        this.fixtures = fixtures;
    }

    /**
     * Runs the QA fixtures against candidate files ({@code {"files": {…}}}): the same pass/fail report as
     * {@code test-rules}, or the compile errors; the live rules are not touched.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public FixtureTestReport test(@NotNull @Valid RuleChange body, @QueryParam("lang") String lang,
                                  @Context HttpHeaders headers) {
        boolean chinese = Downloads.lang(lang, headers) == Lang.ZH;
        Classifier candidate = compiled(body);
        FixtureFiles changed = candidateFixtures(body);
        FixtureReport report = new FixtureRunner(candidate).runAll(changed == null
                ? new FixtureLoader().load(fixtures) : new FixtureLoader().load(changed));
        return new FixtureTestReport(candidate.rulesetVersion(), report.passed(), report.failed(),
                report.outcomes().stream()
                        .map(o -> new FixtureTestReport.Outcome(o.name(), o.passed(), chinese
                                ? o.differences().stream().map(Chinese::withOriginal).toList() : o.differences()))
                        .toList(),
                report.ruleCount(), report.neverFired(), report.neverFired().stream()
                        .map(rule -> candidate.rules().texts().name(rule, chinese ? Lang.ZH : Lang.EN)).toList());
    }

    /**
     * Classifies the stored customers with candidate files and with the live rules and answers the migration
     * matrix per output; {@code sample} defaults to 20,000 customers.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/impact")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImpactReport impact(@NotNull @Valid ImpactRequest body,
                               @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request) {
        jipan.stores.StoreScope scope = StoreParameters.scope(request, stores, "store", body.store());
        Classifier candidate = compiled(body.change());
        return impact.compare(rules.current(), candidate, body.asOf(), body.sampleOrDefault(), scope);
    }

    private Classifier compiled(RuleChange body) {
        return Candidates.compiled(publisher, body);
    }

    /** Which rule set is live, since when, and why the last candidate was refused. */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    @Path("/status")
    public RulesStatus status() {
        Classifier live = rules.current();
        RuleRefusal refusal = rules.lastRefusal();
        // a refusal a later rule set has since replaced is history, not the state of things
        return new RulesStatus(live.rulesetVersion(), live.rules().ruleNames().size(), rules.liveSince(), refusal,
                refusal != null && rules.liveSince().isAfter(refusal.at()), rules.takenOutOfService(),
                publisher.approvalRequired() ? "required" : "optional", requests.pending());
    }

    /**
     * Compiles candidate files ({@code {"files": {"tiers.drl": "…"}}}) without touching the live rules:
     * every error and warning as {@code file:line:column message}.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the files compile and use only what rules may",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response validate(@NotNull @Valid RuleChange body) {
        // 422: the request is well formed, its rules are not; the body lists every problem as file:line:column
        RuleOutcome outcome = publisher.validate(candidate(body));
        return outcome.accepted() ? Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build()
                : Candidates.refusal(422, "the rule files do not compile or are not allowed", outcome);
    }

    /**
     * Publishes a change ({@code {"files": {…}, "comment": "why"}}): live if it compiles and passes the fixtures
     * (then also written to the rules directory); 409 if refused. With {@code rules.approval: required} it becomes a
     * publish request instead (202 with the request, which another person approves).
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "the rule set is live",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    @ApiResponse(responseCode = "202", description = "approval is required: a publish request waits for another person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishRequest.class)))
    public Response publish(@NotNull @Valid RuleChange body, @Context ContainerRequestContext request) {
        if (publisher.approvalRequired()) {
            return PublishRequestResource.waiting(requests.make(Candidates.change(body), body.comment(),
                    PublishRequestResource.actor(request)));
        }
        RuleOutcome outcome = publisher.publish(Candidates.change(body), ApiKeyFilter.callerOf(request),
                body.comment());
        return Candidates.answer(outcome);
    }

    /** Reads the rules directory and makes it live if it compiles and passes the fixtures; 409 if refused. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/reload")
    @ApiResponse(responseCode = "200", description = "the rules directory is live",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleOutcome.class)))
    public Response reload(@Context ContainerRequestContext request) {
        RuleOutcome outcome = publisher.reload(ApiKeyFilter.callerOf(request), "reloaded from the rules directory");
        return Candidates.answer(outcome);
    }

    /**
     * The fixtures a request changes with {@code fixtures} (path → YAML text) and {@code deletedFixtures},
     * applied to the fixtures directory; null when the request changes none.
     */
    private FixtureFiles candidateFixtures(RuleChange body) {
        return body.changesFixtures() ? RulePublisher.fixturesWithChanges(fixtures, Candidates.change(body)) : null;
    }

    /**
     * The fixture set a candidate must pass (the fixture gate's directory), path → YAML text: what the console's
     * fixture editor starts from; changes go with {@code fixtures} / {@code deletedFixtures} on test and publish.
     */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    @Path("/fixtures")
    public FixtureSet fixtureSet() {
        return new FixtureSet(FixtureFiles.readDirectory(fixtures).files());
    }

    /** Every rule set that went live, and how: start, reload, publish, rollback, follow (newest first, 200). */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    @Path("/activations")
    public List<RuleActivation> activations() {
        return versions.activations(200);
    }

    /**
     * The candidate a request describes, as a change to the live rule set: {@code files} adds or replaces
     * files, {@code deleted} removes them, every other file is the live one's. 422 naming each bad field.
     */
    private RuleFiles candidate(RuleChange body) {
        return Candidates.files(publisher, body);
    }
}
