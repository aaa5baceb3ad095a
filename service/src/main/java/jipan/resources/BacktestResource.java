package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jipan.api.BacktestReport;
import jipan.api.BacktestRequest;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.Classifier;
import jipan.core.documents.InvalidInputException;
import jipan.evidence.Backtests;
import jipan.evidence.Challengers;
import jipan.lifecycle.LiveRules;
import jipan.lifecycle.RulePublisher;
import jipan.reports.ReportParameterException;

/**
 * Backtests: the live rules, and a candidate beside them, judged by what the stored customers did after a past date
 * (docs/domain.md §6.1). Each backtest is kept; the latest one of the live rules gives the observed return rates
 * shown beside answers and call lists.
 */
@Path("/api/v1/rules/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {
    private static final int LISTED = 50;

    private final RulePublisher publisher;
    private final LiveRules rules;
    private final Backtests backtests;
    private final Challengers challengers;

    private final jipan.stores.Stores stores;

    public BacktestResource(RulePublisher publisher, Backtests backtests, Challengers challengers,
                            jipan.stores.Stores stores) {
        this.stores = stores;
        this.publisher = publisher;
        this.rules = publisher.live();
        this.backtests = backtests;
        this.challengers = challengers;
    }

    /**
     * Runs a backtest of the live rules (and of the candidate {@code files} / {@code deleted} describe, or of the
     * challenger with {@code "challenger": true}) and keeps it; 400 naming the latest data when the horizon has not
     * passed yet.
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public BacktestReport run(@NotNull @Valid BacktestRequest body, @Context ContainerRequestContext request) {
        Classifier live = rules.current();
        Classifier candidate;
        if (Boolean.TRUE.equals(body.challenger())) {
            if (body.hasCandidate()) {
                throw new InvalidInputException(List.of("challenger: a backtest tests the changed files or the "
                        + "challenger beside the live rules, not both"));
            }
            candidate = challengers.classifier().orElseThrow(() -> new ReportParameterException(
                    "challenger: no challenger is named (PUT /api/v1/rules/challenger names one)"));
        } else {
            candidate = body.hasCandidate() ? Candidates.compiled(publisher, body.change()) : null;
        }
        String store = StoreParameters.named(request, stores, "store", body.store());
        return backtests.run(live, candidate, body.asOf(), body.horizonOrDefault(), body.sampleOrDefault(),
                ApiKeyFilter.callerOf(request), store, done -> { });
    }

    /** The latest 50 backtests, newest first, without their results. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    public List<BacktestReport> list() {
        return backtests.list(LISTED);
    }

    /** One backtest with its result. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    @Path("/{id}")
    public BacktestReport get(@PathParam("id") long id) {
        return backtests.find(id).orElseThrow(() -> new NotFoundException("no backtest " + id));
    }
}
