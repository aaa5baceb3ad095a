package jipan.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jipan.api.Challenger;
import jipan.api.ChallengerRequest;
import jipan.auth.ApiKeyFilter;
import jipan.auth.Roles;
import jipan.evidence.Challengers;

/**
 * The challenger (docs/domain.md §6.6): a stored rule version every classification run also classifies with, its
 * answers kept apart and compared with the live rules' by the {@code challenger} report. Promoting it is a normal
 * publish (or activating its version), through the gate.
 */
@Path("/api/v1/rules/challenger")
@Produces(MediaType.APPLICATION_JSON)
public class ChallengerResource {
    private final Challengers challengers;

    public ChallengerResource(Challengers challengers) {
        this.challengers = challengers;
    }

    /** The challenger named now; 404 when none is. */
    @RolesAllowed(Roles.ANALYST)
    @GET
    public Challenger get() {
        return challengers.current().orElseThrow(() -> new NotFoundException("no challenger is named"));
    }

    /** Names stored rule version {@code seq} the challenger (replacing any other); 404 when there is no such version. */
    @RolesAllowed(Roles.ANALYST)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Challenger name(@NotNull @Valid ChallengerRequest body, @Context ContainerRequestContext request) {
        return challengers.name(body.seq(), ApiKeyFilter.callerOf(request));
    }

    /** No challenger any more: later runs classify with the live rules only. 204, or 404 when none was named. */
    @RolesAllowed(Roles.ANALYST)
    @DELETE
    @ApiResponse(responseCode = "204", description = "the challenger is cleared; later runs classify with the live "
            + "rules only")
    public Response clear() {
        if (!challengers.clear()) {
            throw new NotFoundException("no challenger is named");
        }
        return Response.noContent().build();
    }
}
