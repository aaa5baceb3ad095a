package jipan.resources;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jipan.core.Chinese;
import jipan.core.Lang;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jipan.api.PublishRequest;
import jipan.api.RequestDecision;
import jipan.api.RuleChange;
import jipan.approval.PublishRequests;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.core.documents.InvalidInputException;

/**
 * Publish requests (four eyes on rule changes): make one, list and read them with their evidence, approve (now or for
 * an effective time) or reject another person's, withdraw or bring up to date one's own. With
 * {@code rules.approval: required}, {@code POST /api/v1/rules/publish} makes one too.
 */
@Path("/api/v1/rules/requests")
@Produces(MediaType.APPLICATION_JSON)
public class PublishRequestResource {
    private final PublishRequests requests;

    public PublishRequestResource(PublishRequests requests) {
        this.requests = requests;
    }

    static PublishRequests.Actor actor(ContainerRequestContext request) {
        return new PublishRequests.Actor(ApiKeyFilter.callerOf(request), ApiKeyFilter.personOf(request));
    }

    /**
     * Makes a publish request of a change ({@code files}, {@code deleted}, {@code fixtures}, {@code deletedFixtures},
     * {@code comment}, as publish takes it): 201 with its evidence; 409 when the gate refuses it (nothing is stored).
     */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "the request waits for another person's decision",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishRequest.class)))
    public Response make(@NotNull @Valid RuleChange body, @Context ContainerRequestContext request) {
        return created(requests.make(Candidates.change(body), body.comment(), actor(request)));
    }

    static Response created(PublishRequest made) {
        return Response.created(where(made)).entity(made).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * A change that became a publish request instead of going live (approval required: a publish, a rollback): 202
     * with the request, which another person decides.
     */
    static Response waiting(PublishRequest made) {
        return Response.accepted(made).type(MediaType.APPLICATION_JSON_TYPE).location(where(made)).build();
    }

    private static URI where(PublishRequest request) {
        return URI.create("/api/v1/rules/requests/" + request.id());
    }

    /** The latest 200 requests, newest first ({@code state}: pending, scheduled, live, rejected, withdrawn …). */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    public List<PublishRequest> list(@QueryParam("state") String state, @Context ContainerRequestContext request) {
        PublishRequests.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = PublishRequests.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of("state: must be one of " + Arrays.stream(
                        PublishRequests.State.values()).map(PublishRequests.State::code).toList() + " (got " + state + ")"));
            }
        }
        return requests.list(wanted, actor(request));
    }

    /** One request: the change file by file, its evidence, its history, and what the caller may do with it. */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @GET
    @Path("/{id}")
    public PublishRequest find(@PathParam("id") long id, @QueryParam("lang") String lang,
                               @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        PublishRequest found = requests.find(id, actor(request))
                .orElseThrow(() -> new NotFoundException("no publish request " + id));
        // why the caller may not decide and why there is no backtest, in the language asked for: shown as they are
        return Downloads.lang(lang, headers) == Lang.ZH ? found.said(Chinese::withOriginal) : found;
    }

    /**
     * Approves another person's request: it goes live now through the gate (409 if refused, or if the live rules moved
     * since it was made), or at {@code effectiveAt} on every instance. The author's keys are refused (403).
     */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublishRequest approve(@PathParam("id") long id, @Valid RequestDecision body,
                                  @Context ContainerRequestContext request) {
        return requests.approve(id, actor(request), body == null ? null : body.comment(),
                body == null || body.effectiveAt() == null ? null : body.effectiveAt().toInstant());
    }

    /** Rejects another person's pending or scheduled request; {@code comment} (why) is required. */
    @RolesAllowed({Roles.ANALYST, Roles.APPROVER})
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublishRequest reject(@PathParam("id") long id, @Valid RequestDecision body,
                                 @Context ContainerRequestContext request) {
        return requests.reject(id, actor(request), body == null ? null : body.comment());
    }

    /** The author takes their pending or scheduled request back. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/{id}/withdraw")
    public PublishRequest withdraw(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return requests.withdraw(id, actor(request));
    }

    /** The author brings their pending request up to date with the live rules: merged, gated, evidence anew. */
    @RolesAllowed(Roles.ANALYST)
    @POST
    @Path("/{id}/update")
    public PublishRequest update(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return requests.update(id, actor(request));
    }
}
